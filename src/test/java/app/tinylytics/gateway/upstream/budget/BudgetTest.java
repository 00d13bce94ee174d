package app.tinylytics.gateway.upstream.budget;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

/** The hourly budget per key: counted, reported, spared near its end, and never overspent. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class BudgetTest {

    static final String SITES = "{\"sites\": [{\"id\": 456, \"uid\": \"abc123\", \"url\": \"https://example.com\","
            + " \"created_at\": \"2025-06-01T12:00:00Z\", \"updated_at\": \"2026-02-14T09:30:00Z\"}]}";

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MovableClock clock;
    @Inject
    RequestBudget budget;
    @Inject
    KeyIdentities identities;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
        upstream.stubFor(get("/api/v1/sites/456").willReturn(okJson(SITES.substring(11, SITES.length() - 2))));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void spend(int requests) {
        for (int i = 0; i < requests; i++) {
            budget.acquire(UpstreamAuth.forwarded(identities.of(TestKeys.SERVER_READ)), Endpoint.SITES).await().indefinitely();
        }
    }

    @Test
    void rateLimitReportsWhatIsLeftOfTheKeysHourAndOfTheCallersShare() {
        GraphQL.document("site").variable("id", "456").post();
        GraphQL.document("sites-ids").post();

        GraphQL.document("rate-limit").post()
                .body("data.rateLimit.limit", equalTo(1000))
                .body("data.rateLimit.remaining", equalTo(998))
                .body("data.rateLimit.resetsAt", notNullValue())
                .body("data.rateLimit.callerShare.limit", equalTo(200))
                .body("data.rateLimit.callerShare.remaining", equalTo(198));
    }

    @Test
    void nearTheEndOfTheBudgetExpiredReadsAreServedStaleAndMarked() {
        GraphQL.document("sites-ids").post().body("extensions", nullValue());
        spend(960);
        clock.advance(Duration.ofMinutes(6));

        GraphQL.document("sites-ids").post()
                .body("data.sites[0].id", equalTo("456"))
                .body("extensions.cache.stale", equalTo(true))
                .body("extensions.cache.oldestFetchedAt", notNullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void nearTheEndOfTheBudgetReadsWithoutACachedCopyStillSpendTheReserve() {
        spend(960);

        GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void aSpentBudgetIsRateLimitedWithoutAnUpstreamCall() {
        spend(1000);

        GraphQL.document("site").variable("id", "456").post()
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", greaterThan(3000));

        upstream.verify(0, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void upstreams429StopsFurtherRequestsUntilRetryAfterHasPassed() {
        upstream.stubFor(get("/api/v1/sites").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("{\"error\": \"Rate limit exceeded\"}")));

        GraphQL.document("sites-ids").post().body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        GraphQL.document("sites-ids").post()
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", both(greaterThan(25)).and(lessThanOrEqualTo(31)));
        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));

        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
        clock.advance(Duration.ofSeconds(31));
        GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"));
        upstream.verify(2, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void metricsCountUpstreamRequestsCacheLookupsAndTheServerKeysBudgetByRoleNeverByKey() {
        GraphQL.document("sites-ids").post();
        GraphQL.document("sites-ids").post();

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_upstream_requests_total{endpoint=\"GET /sites\",status=\"2xx\"}"))
                .body(containsString("gateway_cache_requests_total{cache=\"upstream-reads\",result=\"hit\"}"))
                .body(containsString("gateway_cache_requests_total{cache=\"upstream-reads\",result=\"miss\"}"))
                .body(containsString("gateway_budget_remaining{key=\"read\"}"))
                .body(not(containsString(identities.of(TestKeys.SERVER_READ).identity().substring(0, 12))))
                .body(not(containsString(TestKeys.SERVER_READ)));
    }
}
