package app.tinylytics.gateway.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.language.SourceLocation;

/**
 * A request the gateway refuses before executing anything, with the GraphQL-shaped body that says why
 * ({@code {"errors": [{"message", "locations"?, "extensions": {"code"}}]}}). Two kinds: an HTTP-level refusal
 * (malformed body, wrong media type or method) has its own status; a GraphQL request error (a document that does not
 * parse or validate, an unknown operation, a bad variable, a limit) is 400 for {@code application/graphql-response+json}
 * and 200 for legacy {@code application/json} clients, as GraphQL over HTTP specifies.
 */
public final class RequestRefusal extends RuntimeException {

    private final int status;
    private final boolean requestError;
    private final List<Map<String, Object>> errors;

    private RequestRefusal(int status, boolean requestError, String message, List<Map<String, Object>> errors) {
        super(message, null, false, false);
        this.status = status;
        this.requestError = requestError;
        this.errors = errors;
    }

    /** An HTTP-level refusal. */
    public static RequestRefusal http(int status, String code, String message) {
        return new RequestRefusal(status, false, message, List.of(error(message, code, List.of())));
    }

    public static RequestRefusal badRequest(String message) {
        return http(400, "BAD_REQUEST", message);
    }

    /** A GraphQL request error with one message. */
    public static RequestRefusal requestError(String code, String message) {
        return new RequestRefusal(400, true, message, List.of(error(message, code, List.of())));
    }

    /** GraphQL request errors reported by graphql-java (syntax or validation), each with its locations. */
    public static RequestRefusal requestErrors(String code, List<? extends GraphQLError> graphQLErrors) {
        List<Map<String, Object>> errors = graphQLErrors.stream()
                .map(error -> error(error.getMessage(), code, error.getLocations() == null ? List.of() : error.getLocations()))
                .toList();
        return new RequestRefusal(400, true, graphQLErrors.isEmpty() ? code : graphQLErrors.get(0).getMessage(), errors);
    }

    /** The status to answer with, for a response of the given media type. */
    public int status(MediaType response) {
        return requestError && response.sameEssence(MediaType.JSON) ? 200 : status;
    }

    /** The {@code errors} of the response body. */
    public List<Map<String, Object>> errors() {
        return errors;
    }

    private static Map<String, Object> error(String message, String code, List<SourceLocation> locations) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (!locations.isEmpty()) {
            error.put("locations", locations.stream()
                    .map(location -> Map.of("line", location.getLine(), "column", location.getColumn())).toList());
        }
        error.put("extensions", Map.of("code", code));
        return error;
    }
}
