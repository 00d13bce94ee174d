package app.tinylytics.gateway.error;

import java.util.Map;

import jakarta.json.Json;

import io.smallrye.graphql.api.ErrorCode;

/** Upstream's 429, or the gateway's own budget for the key is spent; says when to try again. */
@ErrorCode("RATE_LIMITED")
public final class RateLimitedException extends GatewayException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("retryAfterSeconds", Json.createValue(retryAfterSeconds));
    }
}
