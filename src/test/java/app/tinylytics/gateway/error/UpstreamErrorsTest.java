package app.tinylytics.gateway.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** Each code of the error table (docs/errors.md#field-errors), as a client sees it in {@code errors[].extensions}. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class UpstreamErrorsTest {

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    private void meAnswers(int status, String body) {
        upstream.stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void badRequestIsBadUserInputWithUpstreamsMessage() {
        meAnswers(400, "{\"error\": \"Invalid start_date\"}");

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("Invalid start_date"));
    }

    @Test
    void unauthorizedIsUnauthenticated() {
        meAnswers(401, "{\"error\": \"Invalid API key\"}");

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].path[0]", equalTo("me"));
    }

    @Test
    void unprocessableIsBadUserInputWithValidationErrors() {
        meAnswers(422, "{\"status\": \"error\", \"errors\": [\"Path can't be blank\", \"Country is invalid\"]}");

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].extensions.validationErrors", hasItems("Path can't be blank", "Country is invalid"));
    }

    @Test
    void tooManyRequestsIsRateLimitedWithRetryAfter() {
        upstream.stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Rate limit exceeded\"}")));

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", equalTo(120));
    }

    @Test
    void serverErrorIsUpstreamError() {
        meAnswers(500, "{\"error\": \"boom\"}");

        GraphQL.document("me").post().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));
    }

    @Test
    void extensionsCarryOnlyTheFieldsThatHaveAValue() {
        meAnswers(500, "{\"error\": \"boom\"}");

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .body("errors[0].extensions", not(hasKey("retryAfterSeconds")))
                .body("errors[0].extensions", not(hasKey("validationErrors")));
    }

    @Test
    void htmlPageInsteadOfJsonIsUpstreamErrorSuggestingTheKey() {
        upstream.stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Sign in</body></html>")));

        GraphQL.document("me").post()
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .body("errors[0].message", containsString("API key may be invalid"));
    }

    @Test
    void connectionResetIsUpstreamUnavailable() {
        upstream.stubFor(get("/api/v1/me").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        GraphQL.document("me").post().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void answerSlowerThanTheTimeoutIsUpstreamUnavailable() {
        upstream.stubFor(get("/api/v1/me").willReturn(okJson("{}").withFixedDelay(WireMockProfile.UPSTREAM_TIMEOUT_MILLIS + 1500)));

        GraphQL.document("me").post().body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void aFailingFieldFailsAloneAndTheRestOfTheQueryAnswers() {
        upstream.stubFor(get("/api/v1/sites/456").willReturn(aResponse().withStatus(500).withBody("{}")));
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson("{\"sites\": []}")));

        GraphQL.document("site-and-sites").variable("id", "456").post()
                .body("errors.size()", equalTo(1))
                .body("errors[0].path[0]", equalTo("site"))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .body("data.site", nullValue())
                .body("data.sites.size()", equalTo(0));
    }

    @Test
    void errorsNeverCarryTheApiKey() {
        meAnswers(401, "{\"error\": \"Invalid API key\"}");

        GraphQL.document("me").post()
                .body(not(containsString("tly-ro-test")))
                .body("data.me", nullValue());
    }
}
