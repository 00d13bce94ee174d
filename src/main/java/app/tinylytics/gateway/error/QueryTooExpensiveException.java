package app.tinylytics.gateway.error;

import io.smallrye.graphql.api.ErrorCode;

/** An operation that would make more upstream calls than the gateway allows one operation to make. */
@ErrorCode("QUERY_TOO_EXPENSIVE")
public final class QueryTooExpensiveException extends GatewayException {

    public QueryTooExpensiveException(String message) {
        super(message);
    }
}
