package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class SignalWritesWireMockTest {

    static final String SIGNALS_URL = "/api/v1/sites/456/signals";

    static final String SIGNAL_JSON = """
            {"id": 12, "occurred_at": "2026-02-12T09:00:00Z", "title": "Newsletter #42 sent",
             "description": "Featured the Rails post.", "category": "newsletter",
             "metadata": {"path": "/blog/rails-post", "tags": ["rails"]}, "external_id": "newsletter-42",
             "created_at": "2026-02-12T09:05:00Z"}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void submitSignalWrapsTheSignalAndSendsMetadataAsAnObject() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(created("{\"status\": \"created\", \"signal\": " + SIGNAL_JSON + "}")));

        submit(fullSignal()).post().body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(SIGNALS_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"signal": {"occurred_at": "2026-02-12T09:00:00Z", "title": "Newsletter #42 sent",
                          "description": "Featured the Rails post.", "category": "newsletter",
                          "metadata": {"path": "/blog/rails-post", "tags": ["rails"]}, "external_id": "newsletter-42"}}""",
                        false, false)));
    }

    @Test
    void submitSignalOmitsAbsentOptionalFields() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(created("{\"status\": \"created\", \"signal\": " + SIGNAL_JSON + "}")));

        submit(Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "Launch")).post().body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(SIGNALS_URL)).withRequestBody(equalToJson(
                "{\"signal\": {\"occurred_at\": \"2026-02-12T09:00:00Z\", \"title\": \"Launch\"}}", false, false)));
    }

    @Test
    void createdSignalIsReturned() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(created("{\"status\": \"created\", \"signal\": " + SIGNAL_JSON + "}")));

        submit(fullSignal()).post()
                .body("errors", nullValue())
                .body("data.submitSignal.id", equalTo("12"))
                .body("data.submitSignal.occurredAt", equalTo("2026-02-12T09:00:00Z"))
                .body("data.submitSignal.title", equalTo("Newsletter #42 sent"))
                .body("data.submitSignal.category", equalTo("NEWSLETTER"))
                .body("data.submitSignal.metadata.path", equalTo("/blog/rails-post"))
                .body("data.submitSignal.externalId", equalTo("newsletter-42"));
    }

    @Test
    void anUpdatedSignalIsReturnedLikeACreatedOne() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(json(200, "{\"status\": \"updated\", \"signal\": " + SIGNAL_JSON + "}")));

        submit(fullSignal()).post()
                .body("errors", nullValue())
                .body("data.submitSignal.id", equalTo("12"));
    }

    @Test
    void titleOver200CharactersIsRejectedWithoutAnUpstreamCall() {
        submit(Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "t".repeat(201))).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'signal.title' must be at most 200 characters"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void descriptionOver5000CharactersIsRejectedWithoutAnUpstreamCall() {
        submit(Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "ok", "description", "d".repeat(5001))).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'signal.description' must be at most 5000 characters"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingOccurredAtIsRejectedWithoutAnUpstreamCall() {
        submit(Map.of("title", "ok")).post()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("occurredAt"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void upstreamValidationErrorIsBadUserInputWithTheMessages() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(json(422, "{\"status\": \"error\", \"errors\": [\"Occurred at is invalid\"]}")));

        submit(fullSignal()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.validationErrors", contains("Occurred at is invalid"));
    }

    @Test
    void withoutASubscriptionTheSignalIsRefusedAsSubscriptionRequired() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(json(403, "{\"error\": \"This endpoint requires an active subscription\"}")));

        submit(fullSignal()).post().body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"));
    }

    @Test
    void aSignalWithAnExternalIdIsSentOnceMoreWhenTheFirstAttemptGotNoAnswer() {
        upstream.stubFor(post(SIGNALS_URL).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("answering"));
        upstream.stubFor(post(SIGNALS_URL).inScenario("flaky").whenScenarioStateIs("answering")
                .willReturn(created("{\"status\": \"created\", \"signal\": " + SIGNAL_JSON + "}")));

        submit(fullSignal()).post()
                .body("errors", nullValue())
                .body("data.submitSignal.id", equalTo("12"));

        upstream.verify(2, postRequestedFor(urlEqualTo(SIGNALS_URL)));
    }

    @Test
    void aSignalWithoutExternalIdIsNeverSentTwice() {
        upstream.stubFor(post(SIGNALS_URL).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        submit(Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "Launch")).post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));

        upstream.verify(1, postRequestedFor(urlEqualTo(SIGNALS_URL)));
    }

    private static GraphQL submit(Map<String, Object> signal) {
        return GraphQL.document("writes-submit-signal").variable("siteId", "456").variable("signal", new HashMap<>(signal));
    }

    private static Map<String, Object> fullSignal() {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("occurredAt", "2026-02-12T09:00:00Z");
        signal.put("title", "Newsletter #42 sent");
        signal.put("description", "Featured the Rails post.");
        signal.put("category", "NEWSLETTER");
        signal.put("metadata", Map.of("path", "/blog/rails-post", "tags", List.of("rails")));
        signal.put("externalId", "newsletter-42");
        return signal;
    }
}
