package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** A feature the endpoint needs is switched off for the site (signals while insights are off, content monitoring). */
@ErrorCode("FEATURE_DISABLED")
public final class FeatureDisabledException extends GatewayException {

    public FeatureDisabledException(String message) {
        super(message);
    }

    public FeatureDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
