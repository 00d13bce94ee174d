package app.tinylytics.gateway.transport;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message a graphql-transport-ws client may send, read as strictly as an HTTP body (one JSON object without duplicate
 * keys, a known {@code type}, an {@code id} where the type needs one, an object {@code payload}), anything else being a
 * {@link WebSocketClose#badRequest 4400}.
 */
record WebSocketMessage(Type type, String id, ObjectNode payload) {

    /** The client-to-server message types of graphql-transport-ws. */
    enum Type {
        CONNECTION_INIT,
        PING,
        PONG,
        SUBSCRIBE,
        COMPLETE;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(GraphQLRequest.MAX_JSON_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static WebSocketMessage parse(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException notJson) {
            throw WebSocketClose.badRequest("Invalid message: not a JSON object");
        }
        if (message == null || !message.isObject()) {
            throw WebSocketClose.badRequest("Invalid message: not a JSON object");
        }
        Type type = type(message.get("type"));
        JsonNode id = message.get("id");
        JsonNode payload = message.get("payload");
        return switch (type) {
            case SUBSCRIBE -> {
                if (payload == null || !payload.isObject()) {
                    throw WebSocketClose.badRequest("Invalid subscribe message: 'payload' must be a JSON object");
                }
                yield new WebSocketMessage(type, id(type, id), (ObjectNode) payload);
            }
            case COMPLETE -> new WebSocketMessage(type, id(type, id), null);
            case CONNECTION_INIT, PING, PONG -> {
                if (payload != null && !payload.isNull() && !payload.isObject()) {
                    throw WebSocketClose.badRequest("Invalid " + type.wireName() + " message: 'payload' must be a JSON object");
                }
                yield new WebSocketMessage(type, null, payload == null || payload.isNull() ? null : (ObjectNode) payload);
            }
        };
    }

    private static Type type(JsonNode type) {
        if (type == null || !type.isTextual()) {
            throw WebSocketClose.badRequest("Invalid message: 'type' must be a string");
        }
        for (Type known : Type.values()) {
            if (known.wireName().equals(type.textValue())) {
                return known;
            }
        }
        throw WebSocketClose.badRequest("Unexpected message of type '" + type.textValue() + "'");
    }

    private static String id(Type type, JsonNode id) {
        if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
            throw WebSocketClose.badRequest("Invalid " + type.wireName() + " message: 'id' must be a non-empty string");
        }
        return id.textValue();
    }
}
