package app.tinylytics.gateway.common;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Carries JSON objects between upstream (Jackson) and the GraphQL {@code JSON} scalar (Jakarta JSON-P), both ways. */
public final class JsonValues {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private JsonValues() {
    }

    /** The same object as JSON-P; null when upstream sent null or something other than an object. */
    public static JsonObject toJsonObject(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(node.toString()))) {
            return reader.readObject();
        }
    }

    /** A {@code JSON} argument as Jackson, for an upstream request body; null stays null. */
    public static JsonNode toJsonNode(JsonObject object) {
        if (object == null) {
            return null;
        }
        try {
            return JACKSON.readTree(object.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-P always writes valid JSON", e);
        }
    }
}
