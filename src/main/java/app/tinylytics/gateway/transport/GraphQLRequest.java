package app.tinylytics.gateway.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A GraphQL-over-HTTP request as the client sent it: {@code query}, {@code operationName}, {@code variables} and
 * {@code extensions}, read strictly (valid UTF-8 JSON, no duplicate keys, bounded nesting, each member of the type
 * the spec says) from a JSON body or from GET parameters. Anything else is a {@link RequestRefusal} (400).
 */
public record GraphQLRequest(String query, String operationName, Map<String, Object> variables,
        Map<String, Object> extensions) {

    /** Nesting allowed in a request body: deep enough for any real input object, too shallow for a JSON bomb. */
    static final int MAX_JSON_DEPTH = 64;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /**
     * Looked up once: {@code Json.createValue} and {@code Json.create…Builder} look the provider up on every call, and a
     * 150 KB body of variable values then held a thread for 15 s (found by the hostile-caller suite).
     */
    private static final JsonProvider JSONP = JsonProvider.provider();

    /** From a JSON body; {@code bytes} must be UTF-8. */
    public static GraphQLRequest fromJson(byte[] bytes) {
        if (bytes.length == 0) {
            throw RequestRefusal.badRequest("The request body is empty: send a JSON object with a 'query' string.");
        }
        // Jackson's own UTF-8 reader lets overlong forms and code points past U+10FFFF through; Java's decoder does not.
        utf8(bytes, "The request body is not valid UTF-8.");
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (IOException notJson) {
            throw RequestRefusal.badRequest("The request body is not valid JSON in UTF-8 (" + reason(notJson) + ").");
        }
        if (body == null || !body.isObject()) {
            throw RequestRefusal.badRequest("The request body must be a JSON object with a 'query' string.");
        }
        return fromMembers((ObjectNode) body);
    }

    /** From a JSON object already read (e.g. the payload of a WebSocket {@code subscribe} message). */
    static GraphQLRequest fromObject(ObjectNode members) {
        return fromMembers(members);
    }

    /** From a body of type {@code application/graphql}: the document itself. */
    public static GraphQLRequest fromDocument(String document) {
        return new GraphQLRequest(document, null, Map.of(), Map.of());
    }

    /** From GET parameters ({@code query}, {@code operationName}, and {@code variables}/{@code extensions} as JSON). */
    public static GraphQLRequest fromParameters(Map<String, List<String>> parameters) {
        ObjectNode members = JSON.createObjectNode();
        for (String name : List.of("query", "operationName", "variables", "extensions")) {
            List<String> values = parameters.getOrDefault(name, List.of());
            if (values.size() > 1) {
                throw RequestRefusal.badRequest("The parameter '" + name + "' is given " + values.size() + " times.");
            }
            if (values.isEmpty()) {
                continue;
            }
            if (name.equals("variables") || name.equals("extensions")) {
                try {
                    members.set(name, JSON.readTree(values.get(0)));
                } catch (JsonProcessingException notJson) {
                    throw RequestRefusal.badRequest("The parameter '" + name + "' is not valid JSON (" + reason(notJson) + ").");
                }
            } else {
                members.put(name, values.get(0));
            }
        }
        return fromMembers(members);
    }

    private static GraphQLRequest fromMembers(ObjectNode body) {
        JsonNode query = body.get("query");
        JsonNode operationName = body.get("operationName");
        JsonNode variables = body.get("variables");
        JsonNode extensions = body.get("extensions");
        if (query != null && !query.isNull() && !query.isTextual()) {
            throw RequestRefusal.badRequest("'query' must be a string.");
        }
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            throw RequestRefusal.badRequest("'operationName' must be a string or null.");
        }
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            throw RequestRefusal.badRequest("'variables' must be a JSON object or null, not " + kind(variables) + ".");
        }
        if (extensions != null && !extensions.isNull() && !extensions.isObject()) {
            throw RequestRefusal.badRequest("'extensions' must be a JSON object or null, not " + kind(extensions) + ".");
        }
        requireFiniteNumbers(variables, "variables");
        requireFiniteNumbers(extensions, "extensions");
        return new GraphQLRequest(text(query), text(operationName), object(variables), object(extensions));
    }

    /** The bytes decoded as strict UTF-8; a {@link RequestRefusal} with {@code refusal} when they are not UTF-8. */
    static String utf8(byte[] bytes, String refusal) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw RequestRefusal.badRequest(refusal);
        }
    }

    /** A JSON number beyond a 64-bit float reads as infinity, which no GraphQL value (nor JSON) can carry on. */
    private static void requireFiniteNumbers(JsonNode node, String member) {
        if (node == null) {
            return;
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw RequestRefusal.badRequest("'" + member + "' holds a number beyond the range of a 64-bit float.");
        }
        node.elements().forEachRemaining(element -> requireFiniteNumbers(element, member));
    }

    /** The same request with its document filled in (from a persisted-query store). */
    public GraphQLRequest withQuery(String document) {
        return new GraphQLRequest(document, operationName, variables, extensions);
    }

    /** The request as SmallRye's execution service reads it. */
    public JsonObject toJsonP() {
        JsonObjectBuilder input = JSONP.createObjectBuilder().add("query", query);
        if (operationName != null) {
            input.add("operationName", operationName);
        }
        if (!variables.isEmpty()) {
            input.add("variables", (JsonObject) toJsonP(JSON.valueToTree(variables)));
        }
        return input.build();
    }

    private static JsonValue toJsonP(JsonNode node) {
        if (node == null || node.isNull()) {
            return JsonValue.NULL;
        }
        if (node.isObject()) {
            JsonObjectBuilder object = JSONP.createObjectBuilder();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.add(field.getKey(), toJsonP(field.getValue()));
            }
            return object.build();
        }
        if (node.isArray()) {
            JsonArrayBuilder array = JSONP.createArrayBuilder();
            node.forEach(element -> array.add(toJsonP(element)));
            return array.build();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (node.isIntegralNumber()) {
            return JSONP.createValue(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return JSONP.createValue(node.decimalValue());
        }
        return JSONP.createValue(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }

    private static Map<String, Object> object(JsonNode node) {
        return node == null || node.isNull() ? Map.of() : JSON.convertValue(node, MAP);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String reason(IOException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.length() > 160 ? first.substring(0, 160) + "…" : first;
    }
}
