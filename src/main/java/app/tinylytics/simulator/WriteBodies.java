package app.tinylytics.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads write bodies as raw JSON so the simulator, not the framework, decides how a malformed or
 * wrongly shaped body is answered (422, as the reference's "payload format error").
 */
final class WriteBodies {

    /** Simulator assumption: the reference sets no batch limit; we reject more than 1000 rows (the gateway sends 500). */
    static final int MAX_BATCH_ROWS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WriteBodies() {
    }

    static ObjectNode object(String body) {
        JsonNode node = parse(body);
        if (!(node instanceof ObjectNode object)) {
            throw SimulatorException.unprocessable("Body must be a single JSON object");
        }
        return object;
    }

    static ArrayNode array(String body) {
        JsonNode node = parse(body);
        if (!(node instanceof ArrayNode array)) {
            throw SimulatorException.unprocessable("Body must be a top-level JSON array");
        }
        // Simulator choice: an empty batch is a payload error rather than a no-op success.
        if (array.isEmpty()) {
            throw SimulatorException.unprocessable("Body must contain at least one row");
        }
        if (array.size() > MAX_BATCH_ROWS) {
            throw SimulatorException.unprocessable("Batch cannot contain more than " + MAX_BATCH_ROWS + " rows");
        }
        return array;
    }

    /** A scalar field as text (numbers and booleans included); null when missing, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw SimulatorException.unprocessable("Body must not be empty");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw SimulatorException.unprocessable("Body is not valid JSON");
        }
    }
}
