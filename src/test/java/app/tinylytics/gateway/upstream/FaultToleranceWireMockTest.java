package app.tinylytics.gateway.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.budget.RequestBudget;
import app.tinylytics.testing.MovableClock;

/** Timeouts, lost connections, server errors and rate limits: retried where safe, always answered, never hung. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class FaultToleranceWireMockTest {

    private static final String SITES_URL = "/api/v1/sites";
    private static final String SITES = """
            {"sites": [{"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog",
             "lifetime_hits": 1, "lifetime_unique_hits": 1, "lifetime_kudos": 0, "active": true, "public": false,
             "created_at": "2025-06-01T12:00:00Z", "updated_at": "2026-02-14T09:30:00Z"}]}""";
    /** Three attempts of at most the timeout each, plus backoff: the longest a failing read may take. */
    private static final long BOUND_MILLIS = 3L * WireMockProfile.UPSTREAM_TIMEOUT_MILLIS + 1000;

    @InjectWireMock
    WireMockServer upstream;

    @Inject
    RequestBudget budget;
    @Inject
    KeyIdentities identities;

    @Inject
    MovableClock clock;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse sites() {
        return GraphQL.document("sites-ids").request().post("/graphql").then()
                .statusCode(200)
                .time(lessThan(BOUND_MILLIS), TimeUnit.MILLISECONDS);
    }

    private void sitesFault(Fault fault) {
        upstream.stubFor(get(SITES_URL).willReturn(aResponse().withFault(fault)));
    }

    private void sitesAnswer(int status) {
        upstream.stubFor(get(SITES_URL).willReturn(aResponse().withStatus(status).withBody("{\"error\": \"down\"}")));
    }

    @Test
    void answerSlowerThanTheTimeoutIsRetriedThenUpstreamUnavailableWithinTheBound() {
        upstream.stubFor(get(SITES_URL).willReturn(okJson(SITES).withFixedDelay(WireMockProfile.UPSTREAM_TIMEOUT_MILLIS + 1000)));

        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));

        upstream.verify(3, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void connectionResetIsRetriedThenUpstreamUnavailable() {
        sitesFault(Fault.CONNECTION_RESET_BY_PEER);

        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));

        upstream.verify(3, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void emptyResponseIsUpstreamUnavailable() {
        sitesFault(Fault.EMPTY_RESPONSE);

        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void malformedResponseChunkIsACodedError() {
        sitesFault(Fault.MALFORMED_RESPONSE_CHUNK);

        sites().body("data.sites", nullValue())
                .body("errors[0].extensions.code", in(List.of("UPSTREAM_UNAVAILABLE", "UPSTREAM_ERROR")));
    }

    @Test
    void internalServerErrorIsNotRetried() {
        sitesAnswer(500);

        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));

        upstream.verify(1, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void serviceUnavailableThenOkIsRetriedAndAnswers() {
        upstream.stubFor(get(SITES_URL).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        upstream.stubFor(get(SITES_URL).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(SITES)));

        sites().body("errors", nullValue()).body("data.sites[0].id", equalTo("456"));

        upstream.verify(2, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void everyAttemptIsCountedInTheBudget() {
        upstream.stubFor(get(SITES_URL).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("still"));
        upstream.stubFor(get(SITES_URL).inScenario("flaky").whenScenarioStateIs("still")
                .willReturn(aResponse().withStatus(504)).willSetStateTo("recovered"));
        upstream.stubFor(get(SITES_URL).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(SITES)));

        sites().body("data.sites[0].id", equalTo("456"));

        RequestBudget.Snapshot left = budget.snapshot(identities.of(TestKeys.SERVER_READ)).await().indefinitely();
        assertEquals(left.limit() - 3, left.remaining());
    }

    @Test
    void tooManyRequestsWithAShortRetryAfterIsWaitedOutAndRetried() {
        upstream.stubFor(get(SITES_URL).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        upstream.stubFor(get(SITES_URL).inScenario("limited").whenScenarioStateIs("open").willReturn(okJson(SITES)));

        long started = System.nanoTime();
        sites().body("errors", nullValue()).body("data.sites[0].id", equalTo("456"));

        assertTrue(System.nanoTime() - started >= Duration.ofSeconds(1).toNanos(), "the retry waited for Retry-After");
        upstream.verify(2, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void tooManyRequestsWithALongRetryAfterIsRateLimitedAtOnce() {
        upstream.stubFor(get(SITES_URL).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        sites().body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(30));

        upstream.verify(1, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void writesAreNeverRetried() {
        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(aResponse().withStatus(503)));

        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a")).post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));

        upstream.verify(1, postRequestedFor(urlEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void repeatedFailuresOpenTheCircuitThenAProbeClosesIt() throws InterruptedException {
        sitesAnswer(503);
        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));
        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));
        upstream.verify(WireMockProfile.CIRCUIT_VOLUME, getRequestedFor(urlEqualTo(SITES_URL)));

        sites().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].message", containsString("circuit breaker open"));
        upstream.verify(WireMockProfile.CIRCUIT_VOLUME, getRequestedFor(urlEqualTo(SITES_URL)));

        upstream.stubFor(get(SITES_URL).willReturn(okJson(SITES)));
        Thread.sleep(WireMockProfile.CIRCUIT_DELAY_MILLIS + 200);
        sites().body("errors", nullValue()).body("data.sites[0].id", equalTo("456"));
        upstream.verify(WireMockProfile.CIRCUIT_VOLUME + 1, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void anOpenCircuitServesCachedReadsStale() {
        upstream.stubFor(get(SITES_URL).willReturn(okJson(SITES)));
        sites().body("data.sites[0].id", equalTo("456"));
        clock.advance(Duration.ofMinutes(6));
        upstream.stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(503)));
        GraphQL.document("me").post().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));
        GraphQL.document("me").post().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));

        sites().body("errors", nullValue()).body("data.sites[0].id", equalTo("456"));

        upstream.verify(1, getRequestedFor(urlEqualTo(SITES_URL)));
    }

    @Test
    void anOverloadedUpstreamServesCachedReadsStaleAfterItsRetries() {
        upstream.stubFor(get(SITES_URL).willReturn(okJson(SITES)));
        sites().body("data.sites[0].id", equalTo("456"));
        clock.advance(Duration.ofMinutes(6));
        sitesAnswer(503);

        sites().body("errors", nullValue()).body("data.sites[0].id", equalTo("456"))
                .body("extensions.cache.stale", equalTo(true));

        upstream.verify(1 + 3, getRequestedFor(urlEqualTo(SITES_URL)));
    }
}
