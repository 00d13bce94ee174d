package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** A premium endpoint called for an account without an active subscription (upstream 403). */
@ErrorCode("SUBSCRIPTION_REQUIRED")
public final class SubscriptionRequiredException extends GatewayException {

    public SubscriptionRequiredException(String message) {
        super(message);
    }

    public SubscriptionRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
