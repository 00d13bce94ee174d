package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** The addressed record does not exist upstream (404), e.g. a kudo uid. */
@ErrorCode("NOT_FOUND")
public final class NotFoundException extends GatewayException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
