package app.tinylytics.gateway.security.hostile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import app.tinylytics.gateway.transport.RawResponse;

/** The gateway's answer to one attack: HTTP status, raw body, and the GraphQL body when there is one. */
record Answer(int status, String text, JsonNode body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer of(RawResponse response) {
        String text = response.bodyText();
        JsonNode body;
        try {
            body = text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (IOException notJson) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.status(), text, body);
    }

    /** Answers from a WebSocket message's payload (a {@code next} or {@code error} message). */
    static Answer ofPayload(JsonNode message) {
        JsonNode payload = message.path("payload");
        JsonNode body = payload.isArray() ? JSON.createObjectNode().set("errors", payload) : payload;
        return new Answer(0, message.toString(), body);
    }

    /** The value at a dotted path such as {@code data.site.hits.nodes.0.source}; missing when absent. */
    JsonNode at(String path) {
        JsonNode node = body;
        for (String step : path.split("\\.")) {
            node = step.matches("\\d+") ? node.path(Integer.parseInt(step)) : node.path(step);
        }
        return node;
    }

    /** Every {@code errors[].extensions.code}, in order. */
    List<String> codes() {
        List<String> codes = new ArrayList<>();
        body.path("errors").forEach(error -> codes.add(error.path("extensions").path("code").asText(null)));
        return codes;
    }

    /** The first error's code, or null when there is no error. */
    String code() {
        List<String> codes = codes();
        return codes.isEmpty() ? null : codes.get(0);
    }

    /** The first error's message, or "" when there is no error. */
    String message() {
        return body.path("errors").path(0).path("message").asText("");
    }

    JsonNode extensions() {
        return body.path("errors").path(0).path("extensions");
    }

    @Override
    public String toString() {
        return status + " " + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
    }
}
