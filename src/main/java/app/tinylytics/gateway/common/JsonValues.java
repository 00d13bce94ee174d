package app.tinylytics.gateway.common;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import com.fasterxml.jackson.databind.JsonNode;

/** Carries upstream JSON objects (Jackson) into the GraphQL {@code JSON} scalar (Jakarta JSON-P). */
public final class JsonValues {

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
}
