package app.tinylytics.gateway.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** With tracing on, each upstream call is a client span inside the trace of the GraphQL request that caused it. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class TracingTest {

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void upstreamCallsAreChildSpansOfTheGraphQLRequest() throws InterruptedException {
        upstream.resetAll();
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": []}")));
        spans.reset();

        GraphQL.document("sites-ids").post();

        SpanData client = awaitSpan(SpanKind.CLIENT, "/api/v1/sites", null);
        // Spans of earlier tests may still be exported: the GraphQL request's span is the one in the client's trace.
        SpanData server = awaitSpan(SpanKind.SERVER, "/graphql", client.getTraceId());
        assertEquals(server.getTraceId(), client.getTraceId(), "same trace");
        assertTrue(client.getParentSpanContext().isValid(), "the upstream call has a parent");
        assertFalse(spans.getFinishedSpanItems().stream().anyMatch(s -> s.getAttributes().toString().contains("tly-")),
                "no key in span attributes");
    }

    private SpanData awaitSpan(SpanKind kind, String urlPart, String traceId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            List<SpanData> finished = spans.getFinishedSpanItems();
            Optional<SpanData> match = finished.stream()
                    .filter(span -> span.getKind() == kind)
                    .filter(span -> traceId == null || span.getTraceId().equals(traceId))
                    .filter(span -> span.getName().contains(urlPart) || span.getAttributes().toString().contains(urlPart))
                    .findFirst();
            if (match.isPresent()) {
                return match.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + kind + " span for " + urlPart + " in " + spans.getFinishedSpanItems());
    }
}
