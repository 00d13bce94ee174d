package app.tinylytics.gateway.error;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.ErrorExtensionProvider;

/** Adds {@code extensions.retryAfterSeconds} to {@code RATE_LIMITED} errors. */
public class RetryAfterExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "retryAfterSeconds";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        return exception instanceof RateLimitedException limited
                ? Json.createValue(limited.retryAfterSeconds())
                : null;
    }
}
