package app.tinylytics.gateway.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.LogCapture;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * A run through every kind of failure with server and forwarded keys, capturing all log records (messages and
 * the messages of their exceptions), every response body and {@code /q/metrics}: no key may appear in any.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class KeysNeverLeakWireMockTest {

    private static final List<String> KEYS = List.of(TestKeys.SERVER_READ, TestKeys.SERVER_WRITE, TestKeys.CALLER_READ,
            TestKeys.CALLER_WRITE, TestKeys.DEMO_ALICE_READ, TestKeys.DEMO_ALICE_FULL, TestKeys.DEMO_BOB_READ,
            TestKeys.DEMO_BOB_FULL);

    @InjectWireMock
    WireMockServer upstream;

    private final LogCapture capture = new LogCapture();

    @BeforeEach
    void captureLogs() {
        upstream.resetAll();
        capture.install();
    }

    @AfterEach
    void stopCapturing() {
        capture.uninstall();
    }

    @Test
    void noKeyAppearsInLogsResponsesOrMetricsThroughAFullRunWithFailures() {
        StringBuilder seen = new StringBuilder();
        for (int status : List.of(400, 401, 403, 404, 422, 429, 500, 503)) {
            upstream.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(status)
                    .withHeader("Retry-After", "60").withBody("{\"error\": \"failure " + status + "\"}")));
            seen.append(GraphQL.document("me").post().extract().asString());
            seen.append(GraphQL.document("me").withKey(TestKeys.CALLER_READ).post().extract().asString());
            seen.append(GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a"))
                    .post().extract().asString());
            seen.append(GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a"))
                    .withKey(TestKeys.CALLER_WRITE).post().extract().asString());
        }
        upstream.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        seen.append(GraphQL.document("sites-ids").withKey(TestKeys.CALLER_READ).post().extract().asString());
        upstream.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(okJson("{}").withFixedDelay(WireMockProfile.UPSTREAM_TIMEOUT_MILLIS + 500)));
        seen.append(GraphQL.document("sites-ids").post().extract().asString());
        upstream.stubFor(get(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>")));
        seen.append(GraphQL.document("me").withKey(TestKeys.CALLER_READ).post().extract().asString());
        // A forwarded key inside a malformed request, and a key-shaped bearer that is not a known key.
        seen.append(given().contentType("application/json").header("Authorization", TestKeys.bearer(TestKeys.CALLER_READ))
                .body("{\"query\": ").post("/graphql").then().extract().asString());
        seen.append(given().get("/q/metrics").then().statusCode(200).extract().asString());

        String logs = capture.text();
        assertTrue(logs.contains("GET /me") || logs.contains("graphql operation"), "the capture saw the run's logs");
        for (String key : KEYS) {
            assertFalse(logs.contains(key), "a key appeared in the logs");
            assertFalse(seen.toString().contains(key), "a key appeared in a response or in /q/metrics");
        }
        assertFalse(logs.contains("tly-ro-test") || logs.contains("tly-fa-test"), "a key prefix appeared in the logs");
    }
}
