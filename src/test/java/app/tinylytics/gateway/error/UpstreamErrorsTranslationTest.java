package app.tinylytics.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.smallrye.graphql.api.ErrorCode;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamFailure;
import app.tinylytics.gateway.upstream.UpstreamFailure.Kind;

/** The error table (docs/errors.md#upstream-failures) row by row: each upstream failure and the code a client sees. */
class UpstreamErrorsTranslationTest {

    private static String code(UpstreamFailure failure) {
        return UpstreamErrors.coded(failure).getClass().getAnnotation(ErrorCode.class).value();
    }

    private static UpstreamFailure answered(Endpoint endpoint, int status, String body) {
        return UpstreamFailure.answered(endpoint, status, body, OptionalLong.empty());
    }

    @Test
    void statusesMapToTheirCodes() {
        assertEquals("BAD_USER_INPUT", code(answered(Endpoint.HITS, 400, "{\"error\": \"Invalid start_date\"}")));
        assertEquals("UNAUTHENTICATED", code(answered(Endpoint.ME, 401, "{\"error\": \"Invalid API key\"}")));
        assertEquals("NOT_FOUND", code(answered(Endpoint.DELETE_KUDO, 404, "{\"error\": \"Kudo not found\"}")));
        assertEquals("BAD_USER_INPUT", code(answered(Endpoint.TRACK_HIT, 422, "{\"errors\": [\"Path can't be blank\"]}")));
        assertEquals("RATE_LIMITED", code(answered(Endpoint.SITES, 429, "{\"error\": \"Rate limit exceeded\"}")));
        assertEquals("UPSTREAM_ERROR", code(answered(Endpoint.SITES, 500, "")));
        assertEquals("UPSTREAM_ERROR", code(answered(Endpoint.SITES, 302, "")));
    }

    @Test
    void a403IsToldApartByWhatTheEndpointRequiresThenByItsWording() {
        assertEquals("FORBIDDEN", code(answered(Endpoint.GIVE_KUDO, 403, "{\"error\": \"Write access required\"}")));
        assertEquals("SUBSCRIPTION_REQUIRED", code(answered(Endpoint.INSIGHTS, 403, "{\"error\": \"Forbidden\"}")));
        assertEquals("FEATURE_DISABLED", code(answered(Endpoint.SIGNALS, 403, "{\"error\": \"Insights are not enabled\"}")));
        assertEquals("SUBSCRIPTION_REQUIRED", code(answered(Endpoint.SIGNALS, 403, "{\"error\": \"Subscription required\"}")));
        assertEquals("FORBIDDEN", code(answered(Endpoint.SUBMIT_SIGNAL, 403, "{\"error\": \"Write access required\"}")));
        assertEquals("SUBSCRIPTION_REQUIRED", code(answered(Endpoint.SUBMIT_SIGNAL, 403,
                "{\"error\": \"This endpoint requires an active subscription\"}")));
        assertEquals("FEATURE_DISABLED", code(answered(Endpoint.CONTENT, 403,
                "{\"error\": \"Content monitoring is not enabled\", \"content_monitoring_enabled\": false}")));
    }

    @Test
    void a403OnAReadWithoutRequirementsDoesNotBlameTheKeysRights() {
        GatewayException read = UpstreamErrors.coded(answered(Endpoint.HITS, 403, "{\"error\": \"Not your site\"}"));
        GatewayException write = UpstreamErrors.coded(answered(Endpoint.GIVE_KUDO, 403, "{\"error\": \"Write access required\"}"));

        assertEquals("GET /sites/:id/hits was refused (403): Not your site", read.getMessage());
        assertTrue(write.getMessage().contains("needs a full-access (tly-fa-) key"), write.getMessage());
    }

    @Test
    void requestsThatGotNoAnswerOrWereNotSentHaveTheirOwnCodes() {
        assertEquals("UPSTREAM_UNAVAILABLE", code(UpstreamFailure.noAnswer(Endpoint.SITES, new ConnectException("refused"))));
        assertEquals("UPSTREAM_UNAVAILABLE", code(UpstreamFailure.notSent(Endpoint.SITES, Kind.CIRCUIT_OPEN)));
        assertEquals("RATE_LIMITED", code(UpstreamFailure.notSent(Endpoint.SITES, Kind.BUDGET_SPENT, 42)));
        assertEquals("RATE_LIMITED", code(UpstreamFailure.notSent(Endpoint.SITES, Kind.CALLER_SHARE_SPENT, 42)));
        assertEquals("QUERY_TOO_EXPENSIVE", code(UpstreamFailure.notSent(Endpoint.SITES, Kind.OPERATION_CAP_REACHED)));
    }

    @Test
    void retryAfterAndValidationErrorsTravelAsExtensions() {
        RateLimitedException limited = assertInstanceOf(RateLimitedException.class, UpstreamErrors.coded(
                UpstreamFailure.answered(Endpoint.SITES, 429, "{}", OptionalLong.of(120))));
        BadUserInputException invalid = assertInstanceOf(BadUserInputException.class, UpstreamErrors.coded(
                answered(Endpoint.TRACK_HIT, 422, "{\"status\": \"error\", \"errors\": [\"a\", \"b\"]}")));

        assertEquals(120, limited.retryAfterSeconds());
        assertEquals(List.of("a", "b"), invalid.validationErrors());
        assertEquals(60, ((RateLimitedException) UpstreamErrors.coded(answered(Endpoint.SITES, 429, "{}"))).retryAfterSeconds(),
                "a 429 without Retry-After waits a minute");
    }

    @Test
    void messagesQuoteUpstreamAndNameTheEndpoint() {
        GatewayException coded = UpstreamErrors.coded(answered(Endpoint.HITS, 500, "{\"error\": \"boom\"}"));

        assertTrue(coded.getMessage().contains("GET /sites/:id/hits"), coded.getMessage());
        assertTrue(coded.getMessage().contains("boom"), coded.getMessage());
    }

    @Test
    void anythingElsePassesUnchanged() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertSame(bug, UpstreamErrors.coded(bug));
    }
}
