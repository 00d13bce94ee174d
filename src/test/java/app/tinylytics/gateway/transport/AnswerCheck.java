package app.tinylytics.gateway.transport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every answer to a malformed request must look like: never 5xx; a 4xx (or, for a GraphQL request error to a
 * legacy {@code application/json} client, a 200) in a GraphQL media type with a body of the GraphQL shape
 * ({@code errors}: a non-empty array of objects with a string {@code message}; {@code data} absent or null).
 */
final class AnswerCheck {

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final Set<String> GRAPHQL_TYPES = Set.of(JSON, GRAPHQL_RESPONSE);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnswerCheck() {
    }

    /** Every rule the answer breaks; empty when it is right. */
    static List<String> violations(MalformedRequest sent, RawResponse answer) {
        List<String> problems = new ArrayList<>();
        if (answer.status() >= 500) {
            problems.add("answered " + answer.status());
        }
        switch (sent.answer()) {
            case HTTP_LAYER -> httpLayer(answer, problems);
            case REFUSED -> {
                if (answer.status() < 400 || answer.status() >= 500) {
                    problems.add("expected a 4xx, got " + answer.status());
                }
                graphQLShaped(sent, answer, problems);
            }
            case REQUEST_ERROR -> {
                boolean legacy = answer.status() == 200 && JSON.equals(answer.mediaType());
                boolean graphql = answer.status() == 400 && GRAPHQL_RESPONSE.equals(answer.mediaType());
                if (!legacy && !graphql) {
                    problems.add("expected a request error (200 application/json or 400 " + GRAPHQL_RESPONSE + "), got "
                            + answer.status() + " " + answer.mediaType());
                }
                graphQLShaped(sent, answer, problems);
            }
        }
        return problems;
    }

    private static void httpLayer(RawResponse answer, List<String> problems) {
        if (answer.answered() && (answer.status() < 400 || answer.status() >= 500)) {
            problems.add("expected Vert.x's bare 4xx or a closed connection, got " + answer.status());
        }
    }

    private static void graphQLShaped(MalformedRequest sent, RawResponse answer, List<String> problems) {
        if (!answer.answered()) {
            problems.add("no answer: the connection was closed or timed out");
            return;
        }
        if (answer.mediaType() == null || !GRAPHQL_TYPES.contains(answer.mediaType())) {
            problems.add("Content-Type " + answer.header("Content-Type") + " is not a GraphQL response type");
        }
        if (sent.request().expectsNoBody()) {
            return;
        }
        JsonNode body;
        try {
            body = MAPPER.readTree(answer.body());
        } catch (IOException notJson) {
            problems.add("the body is not JSON");
            return;
        }
        if (body == null || !body.isObject()) {
            problems.add("the body is not a JSON object");
            return;
        }
        JsonNode data = body.get("data");
        if (data != null && !data.isNull()) {
            problems.add("the body has data: something was executed");
        }
        JsonNode errors = body.get("errors");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            problems.add("'errors' is not a non-empty array");
            return;
        }
        for (JsonNode error : errors) {
            if (!error.isObject() || !error.path("message").isTextual()) {
                problems.add("an error without a string 'message': " + error);
            }
        }
    }
}
