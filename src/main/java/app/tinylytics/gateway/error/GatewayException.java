package app.tinylytics.gateway.error;

/**
 * Base of every error the gateway reports to GraphQL clients. Each concrete subclass carries one
 * {@code extensions.code} through {@link io.smallrye.graphql.api.ErrorCode}; messages are shown to
 * clients, so they never contain an API key.
 */
public abstract class GatewayException extends RuntimeException {

    protected GatewayException(String message) {
        super(message, null, false, false);
    }

    protected GatewayException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
