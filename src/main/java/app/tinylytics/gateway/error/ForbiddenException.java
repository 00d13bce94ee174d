package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** A write without a full-access key (refused locally or by upstream's 403). */
@ErrorCode("FORBIDDEN")
public final class ForbiddenException extends GatewayException {

    public ForbiddenException(String message) {
        super(message);
    }

    public ForbiddenException(String message, Throwable cause) {
        super(message, cause);
    }
}
