package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** Upstream could not be reached: timeout, connection failure, or an open circuit. */
@ErrorCode("UPSTREAM_UNAVAILABLE")
public final class UpstreamUnavailableException extends GatewayException {

    public UpstreamUnavailableException(String message) {
        super(message);
    }

    public UpstreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
