package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** No usable API key: none configured or sent, or upstream answered 401. */
@ErrorCode("UNAUTHENTICATED")
public final class UnauthenticatedException extends GatewayException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    public UnauthenticatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
