package app.tinylytics.gateway.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

/**
 * Readiness is this process's health only; whether Tinylytics answers is the {@code upstream} health group and the
 * {@code gateway_upstream_*} metrics, so an upstream outage leaves replicas in the Service serving what they can.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class HealthTest {

    private static final String UPSTREAM_GROUP = "/q/health/group/upstream";
    private static final String CIRCUIT = "checks.find { it.name == 'tinylytics-upstream' }.data.circuit";
    private static final String SITES = """
            {"sites": [{"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog",
             "lifetime_hits": 1, "lifetime_unique_hits": 1, "lifetime_kudos": 0, "active": true, "public": false,
             "created_at": "2025-06-01T12:00:00Z", "updated_at": "2026-02-14T09:30:00Z"}]}""";

    @InjectWireMock
    WireMockServer upstream;
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

    private void upstreamUnreachable() {
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Test
    void readinessStaysUpWhileUpstreamIsUnreachableAndAsksNothingUpstream() {
        upstreamUnreachable();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theUpstreamGroupIsUpWhileUpstreamAnswersWithoutSpendingAKey() {
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{\"name\": \"Tinylytics API\"}")));

        given().get(UPSTREAM_GROUP).then().statusCode(200).body("status", equalTo("UP"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/")).withoutHeader("Authorization"));
    }

    @Test
    void theUpstreamGroupIsDownWhileUpstreamIsUnreachableAndUpAgainWhenItRecovers() {
        upstreamUnreachable();
        given().get(UPSTREAM_GROUP).then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks[0].data.reason", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);

        upstream.resetAll();
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{}")));
        given().get(UPSTREAM_GROUP).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void anOpenCircuitShowsInTheUpstreamGroupNotInReadinessAndTheGroupsProbeClosesIt() throws InterruptedException {
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{}")));
        openTheCircuit();

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(UPSTREAM_GROUP).then().statusCode(503).body(CIRCUIT, equalTo("OPEN"));

        Thread.sleep(WireMockProfile.CIRCUIT_DELAY_MILLIS + 200);
        given().get(UPSTREAM_GROUP).then().statusCode(200).body(CIRCUIT, equalTo("CLOSED"));
    }

    @Test
    void metricsSayWhetherUpstreamAnsweredAndWhatStateTheCircuitIsIn() {
        upstreamUnreachable();
        given().get(UPSTREAM_GROUP).then().statusCode(503);
        assertEquals(0.0, metric("gateway_upstream_up"));
        assertEquals(1.0, metric("gateway_upstream_circuit_state{state=\"closed\"}"));

        upstream.resetAll();
        upstream.stubFor(get("/api/v1/").willReturn(okJson("{}")));
        // The scrape above started a probe of its own, which may still be failing against the old stub: wait it out.
        awaitUpstreamGroup(200);
        assertEquals(1.0, metric("gateway_upstream_up"));

        openTheCircuit();
        assertEquals(1.0, metric("gateway_upstream_circuit_state{state=\"open\"}"));
        assertEquals(0.0, metric("gateway_upstream_circuit_state{state=\"closed\"}"));
        // Join the probe that scrape started, so that it cannot reach the next test's upstream.
        given().get(UPSTREAM_GROUP);
    }

    @Test
    void whileUpstreamIsUnreachableACachedReadIsServedStaleAndAnUncachedOneIsUnavailable() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
        GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"));
        // Past the account TTL (5 min) but within the stale window (1 h): only upstream could refresh it.
        clock.advance(Duration.ofMinutes(6));
        upstream.resetAll();
        upstreamUnreachable();

        GraphQL.document("sites-ids").post()
                .body("data.sites[0].id", equalTo("456"))
                .body("extensions.cache.stale", equalTo(true));
        GraphQL.document("me").post()
                .body("data.me", equalTo(null))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void startedOnceTheApplicationIsUp() {
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void awaitUpstreamGroup(int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (given().get(UPSTREAM_GROUP).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(UPSTREAM_GROUP + " never answered " + status);
            }
            Thread.onSpinWait();
        }
    }

    /** Reads failing with 503 until the breaker's window (all failures) is full. */
    private void openTheCircuit() {
        upstream.stubFor(get("/api/v1/sites").willReturn(aResponse().withStatus(503)));
        // Each read is three attempts (two retries); two reads fill the window of six.
        GraphQL.document("sites-ids").post();
        GraphQL.document("sites-ids").post();
    }

    /** One sample of the Prometheus scrape, by its name and labels as printed. */
    private static double metric(String series) {
        ValidatableResponse scrape = given().get("/q/metrics").then().statusCode(200);
        String text = scrape.extract().asString();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(text);
        if (!sample.find()) {
            throw new AssertionError("no " + series + " in /q/metrics");
        }
        return Double.parseDouble(sample.group(1));
    }
}
