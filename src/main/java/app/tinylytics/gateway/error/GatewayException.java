package app.tinylytics.gateway.error;

import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * Base of every error the gateway reports to GraphQL clients. Each concrete subclass carries one
 * {@code extensions.code} through {@link io.smallrye.graphql.api.ErrorCode}; messages are shown to
 * clients, so they never contain an API key. As a {@link GraphQLError} it also hands SmallRye the
 * extensions that have a value (never a {@code null} one), e.g. {@code retryAfterSeconds}.
 */
public abstract class GatewayException extends RuntimeException implements GraphQLError {

    protected GatewayException(String message) {
        super(message, null, false, false);
    }

    protected GatewayException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** Extensions beyond {@code code}, only those with a value; none by default. */
    @Override
    public Map<String, Object> getExtensions() {
        return Map.of();
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.DataFetchingException;
    }
}
