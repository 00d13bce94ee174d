package app.tinylytics.gateway.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tinylytics.gateway.common.Sha256;

/**
 * The trusted documents of a deployment, read from a persisted-query manifest that a frontend build wrote: Apollo's
 * {@code {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type", "body"}]}}
 * ({@code @apollo/generate-persisted-query-manifest}), or a JSON object of hash to document (GraphQL Codegen's
 * {@code persisted-documents.json}). Every id must be the SHA-256 of its body: a manifest that says otherwise was
 * edited by hand or generated with another hash, and would trust documents nobody reviewed.
 */
public final class DocumentsManifest {

    static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final Path source;
    private final Map<String, String> documents;
    private final Map<String, String> names;

    private DocumentsManifest(Path source, Map<String, String> documents, Map<String, String> names) {
        this.source = source;
        this.documents = documents;
        this.names = names;
    }

    /** Reads and verifies the manifest at {@code path}; an {@link IllegalStateException} says what is wrong with it. */
    public static DocumentsManifest load(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (IOException unreadable) {
            throw broken(path, "cannot be read as JSON (" + unreadable.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw broken(path, "is not a JSON object");
        }
        DocumentsManifest manifest = root.has("format") ? apollo(path, root) : hashToDocument(path, root);
        if (manifest.documents.isEmpty()) {
            throw broken(path, "lists no operations: with it the gateway would refuse every request");
        }
        return manifest;
    }

    private static DocumentsManifest apollo(Path path, JsonNode root) {
        if (!APOLLO_FORMAT.equals(root.path("format").asText(null))) {
            throw broken(path, "has format " + root.get("format") + "; expected \"" + APOLLO_FORMAT + "\"");
        }
        if (!root.path("version").isInt() || root.path("version").intValue() != 1) {
            throw broken(path, "has version " + root.get("version") + "; this gateway reads version 1");
        }
        if (!root.path("operations").isArray()) {
            throw broken(path, "has no \"operations\" array");
        }
        Map<String, String> documents = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode operation : root.get("operations")) {
            String where = "operations[" + index++ + "]";
            String id = text(path, operation, "id", where);
            String body = text(path, operation, "body", where);
            String name = operation.path("name").isTextual() ? operation.get("name").textValue() : where;
            add(path, documents, names, id, body, "operation '" + name + "' (" + where + ")");
        }
        return new DocumentsManifest(path, documents, names);
    }

    private static DocumentsManifest hashToDocument(Path path, JsonNode root) {
        Map<String, String> documents = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().isTextual()) {
                throw broken(path, "is neither an Apollo manifest (no \"format\") nor an object of hash to document"
                        + " (the value of \"" + field.getKey() + "\" is not a string)");
            }
            add(path, documents, names, field.getKey(), field.getValue().textValue(), "the document under \"" + field.getKey() + "\"");
        }
        return new DocumentsManifest(path, documents, names);
    }

    private static void add(Path path, Map<String, String> documents, Map<String, String> names, String id, String body,
            String what) {
        String hash = Sha256.hex(body);
        if (!hash.equals(id)) {
            throw broken(path, what + " has id " + id + ", but the SHA-256 of its body is " + hash);
        }
        documents.put(id, body);
        names.put(id, what);
    }

    private static String text(Path path, JsonNode operation, String member, String where) {
        JsonNode value = operation.get(member);
        if (value == null || !value.isTextual()) {
            throw broken(path, where + " has no \"" + member + "\" string");
        }
        return value.textValue();
    }

    private static IllegalStateException broken(Path path, String why) {
        return new IllegalStateException("The trusted documents manifest " + path + " (GATEWAY_DOCUMENTS_MANIFEST) " + why + ".");
    }

    /** The trusted document whose SHA-256 is {@code hash}, or null. */
    public String document(String hash) {
        return documents.get(hash);
    }

    /** The trusted documents by hash. */
    public Map<String, String> documents() {
        return Map.copyOf(documents);
    }

    /** How the manifest names the document {@code hash} in a message: its operation name and place. */
    public String describe(String hash) {
        return names.get(hash);
    }

    /** Where the manifest was read from. */
    public Path source() {
        return source;
    }

    /** A failure of the manifest at {@link #source()}, with why. */
    IllegalStateException broken(String why) {
        return broken(source, why);
    }
}
