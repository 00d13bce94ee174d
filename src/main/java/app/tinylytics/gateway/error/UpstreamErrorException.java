package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** Upstream answered, but with a 5xx or a body that is not the JSON it documents. */
@ErrorCode("UPSTREAM_ERROR")
public final class UpstreamErrorException extends GatewayException {

    public UpstreamErrorException(String message) {
        super(message);
    }

    public UpstreamErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
