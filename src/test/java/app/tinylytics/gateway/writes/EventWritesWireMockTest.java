package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class EventWritesWireMockTest {

    static final String EVENT_URL = "/api/v1/sites/456/events";
    static final String BATCH_URL = "/api/v1/sites/456/events/batch";

    static final String CREATED_EVENT = """
            {"status": "created", "event": {"id": 790, "event": "signup.started", "value": "pricing", "url": null,
             "path": null, "referrer": null, "country": "US", "source": null, "unique_hash": "a1b2c3",
             "visitor_hash": "d4e5f6", "created_at": "2026-02-14T10:00:00Z"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void trackEventSendsTheNameAsEventAndEveryFieldSnakeCased() {
        upstream.stubFor(post(EVENT_URL).willReturn(created(CREATED_EVENT)));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("name", "signup.started");
        event.put("value", "pricing");
        event.put("path", "/pricing");
        event.put("country", "PL");
        event.put("ipAddress", "8.8.8.8");
        event.put("url", "https://example.com/pricing");
        event.put("referrer", "https://google.com");
        event.put("userAgent", "Mozilla/5.0");
        event.put("visitorId", "user-123");
        event.put("source", "newsletter");

        GraphQL.document("writes-track-event").variable("siteId", "456").variable("event", event).post()
                .body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(EVENT_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"event": "signup.started", "value": "pricing", "path": "/pricing", "country": "PL",
                         "ip_address": "8.8.8.8", "url": "https://example.com/pricing", "referrer": "https://google.com",
                         "user_agent": "Mozilla/5.0", "visitor_id": "user-123", "source": "newsletter"}""", false, false)));
    }

    @Test
    void createdEventIsReturnedWithItsName() {
        upstream.stubFor(post(EVENT_URL).willReturn(created(CREATED_EVENT)));

        GraphQL.document("writes-track-event").variable("siteId", "456")
                .variable("event", Map.of("name", "signup.started", "value", "pricing")).post()
                .body("errors", nullValue())
                .body("data.trackEvent.status", equalTo("CREATED"))
                .body("data.trackEvent.event.id", equalTo("790"))
                .body("data.trackEvent.event.name", equalTo("signup.started"))
                .body("data.trackEvent.event.value", equalTo("pricing"))
                .body("data.trackEvent.event.country", equalTo("US"))
                .body("data.trackEvent.event.visitorHash", equalTo("d4e5f6"))
                .body("data.trackEvent.event.createdAt", equalTo("2026-02-14T10:00:00Z"));

        upstream.verify(1, postRequestedFor(urlEqualTo(EVENT_URL))
                .withRequestBody(equalToJson("{\"event\": \"signup.started\", \"value\": \"pricing\"}", false, false)));
    }

    @Test
    void ignoredEventIsIgnoredWithTheReason() {
        upstream.stubFor(post(EVENT_URL).willReturn(json(202, "{\"status\": \"ignored\", \"reason\": \"Event matched ignore rules\"}")));

        GraphQL.document("writes-track-event").variable("siteId", "456").variable("event", Map.of("name", "a.b")).post()
                .body("errors", nullValue())
                .body("data.trackEvent.status", equalTo("IGNORED"))
                .body("data.trackEvent.reason", equalTo("Event matched ignore rules"))
                .body("data.trackEvent.event", nullValue());
    }

    @Test
    void eventNameWithoutCategoryAndActionIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-track-event").variable("siteId", "456").variable("event", Map.of("name", "signup")).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'event.name' must be 'category.action'"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void trackEventsSendsTheRowsAsATopLevelArrayAndMapsEachRow() {
        upstream.stubFor(post(BATCH_URL).willReturn(created("""
                {"created_count": 1, "ignored_count": 0, "error_count": 1, "results": [
                  {"index": 0, "status": "created"},
                  {"index": 1, "status": "error", "errors": ["Country is invalid"]}]}""")));

        GraphQL.document("writes-track-events").variable("siteId", "456").variable("events", List.of(
                Map.of("name", "signup.started", "value", "pricing", "country", "PL"),
                Map.of("name", "signup.completed", "ipAddress", "8.8.8.8"))).post()
                .body("errors", nullValue())
                .body("data.trackEvents.createdCount", equalTo(1))
                .body("data.trackEvents.errorCount", equalTo(1))
                .body("data.trackEvents.results.status", contains("CREATED", "ERROR"))
                .body("data.trackEvents.results[1].errors", contains("Country is invalid"));

        upstream.verify(1, postRequestedFor(urlEqualTo(BATCH_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        [{"event": "signup.started", "value": "pricing", "country": "PL"},
                         {"event": "signup.completed", "ip_address": "8.8.8.8"}]""", false, false)));
    }

    @Test
    void oneBadEventNameRejectsTheBatchNamingItsIndex() {
        GraphQL.document("writes-track-events").variable("siteId", "456").variable("events", List.of(
                Map.of("name", "a.b"), Map.of("name", "a..b"))).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'events[1].name'"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void emptyEventBatchIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-track-events").variable("siteId", "456").variable("events", List.of()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'events' must contain at least one row."));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }
}
