package app.tinylytics.gateway.transport;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code Authorization} values a WebSocket connection presents, never logged: those of its {@code connection_init}
 * payload as GraphiQL's Headers pane and graphql-ws clients send them ({@code {"Authorization": "Bearer …"}}, the name
 * in any case, or under {@code headers}), else the upgrade request's header, all of them for CallerResolver to judge.
 */
final class WebSocketCredentials {

    private static final String AUTHORIZATION = "authorization";
    private static final String HEADERS = "headers";

    private WebSocketCredentials() {
    }

    /** The values to resolve the caller from; a value that is not a string is refused (4403). */
    static List<String> authorization(ObjectNode initPayload, List<String> upgradeHeader) {
        List<String> values = new ArrayList<>();
        if (initPayload != null) {
            collect(initPayload, values);
            JsonNode headers = member(initPayload, HEADERS);
            if (headers != null && headers.isObject()) {
                collect((ObjectNode) headers, values);
            }
        }
        return values.isEmpty() ? upgradeHeader : values;
    }

    private static void collect(ObjectNode object, List<String> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equalsIgnoreCase(AUTHORIZATION)) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw WebSocketClose.forbidden("'Authorization' in connection_init must be a string: 'Bearer tly-…'");
            }
            into.add(field.getValue().textValue());
        }
    }

    private static JsonNode member(ObjectNode object, String name) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
