package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Identical queries from the same key that arrive while the first is still running wait for it and are answered
 * from the operation cache: the operation runs once, not once per request (a fresh replica's first burst, or every
 * reader right after an answer's reads expired).
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class OperationCoalescingTest {

    private static final int REQUESTS = 4;

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void slowUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        // Slow enough that every request arrives while the first one runs.
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(aResponse().withFixedDelay(WireMockProfile.UPSTREAM_TIMEOUT_MILLIS / 2)
                .withHeader("Content-Type", "application/json").withBody(OperationCacheTest.KUDOS)));
    }

    @Test
    void identicalQueriesArrivingTogetherRunOnce() throws Exception {
        long executedBefore = executed();
        String uid = "u" + System.nanoTime(); // an operation and a read no other test has cached
        Callable<String> ask = () -> GraphQL.document("kudos").variable("id", "456").variable("uid", uid).post()
                .extract().asString();
        ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
        try {
            List<Future<String>> answers = IntStream.range(0, REQUESTS).mapToObj(i -> clients.submit(ask)).toList();
            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertEquals(first, answer.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertEquals(executedBefore + 1, executed(), "one execution for " + REQUESTS + " identical requests");
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    private long executed() {
        return registry.find("gateway.graphql.operations").timers().stream().mapToLong(Timer::count).sum();
    }
}
