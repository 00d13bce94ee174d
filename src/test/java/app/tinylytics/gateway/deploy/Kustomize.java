package app.tinylytics.gateway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization directory like {@code kubectl kustomize}, for the part of kustomize that k8s/ uses:
 * {@code resources} (files and directories) and strategic-merge {@code patches} from files, {@code $patch: delete}
 * included. Anything else fails loudly rather than being ignored; {@link KubernetesManifestsTest} compares the result
 * with kubectl's wherever kubectl is installed.
 */
final class Kustomize {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches");
    /** Lists that strategic merge combines element by element, matched on {@code name} (their patchMergeKey). */
    private static final Set<String> MERGED_BY_NAME = Set.of("containers", "initContainers", "env", "volumes",
            "volumeMounts");

    private Kustomize() {
    }

    /** The resources {@code dir}'s kustomization.yaml produces, after its patches. */
    static List<ObjectNode> build(Path dir) {
        JsonNode kustomization = documents(dir.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new UnsupportedOperationException(dir + ": kustomization field '" + field + "' is not rendered here");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path target = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else {
                documents(target).forEach(document -> resources.add((ObjectNode) document));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new UnsupportedOperationException(dir + ": only patches given by path are rendered here: " + patch);
            }
            for (JsonNode document : documents(dir.resolve(patch.get("path").asText()))) {
                apply((ObjectNode) document, resources, dir);
            }
        }
        return resources;
    }

    /** The same resource: apiVersion, kind and name agree (no namespaces in k8s/). */
    static boolean sameResource(JsonNode a, JsonNode b) {
        return a.path("apiVersion").equals(b.path("apiVersion")) && a.path("kind").equals(b.path("kind"))
                && a.path("metadata").path("name").equals(b.path("metadata").path("name"));
    }

    private static void apply(ObjectNode patch, List<ObjectNode> resources, Path dir) {
        ObjectNode target = resources.stream().filter(resource -> sameResource(resource, patch)).findFirst()
                .orElseThrow(() -> new IllegalStateException(dir + ": patch for " + patch.path("kind").asText() + " "
                        + patch.path("metadata").path("name").asText() + " matches no resource"));
        JsonNode directive = patch.remove("$patch");
        if (directive != null) {
            if (!"delete".equals(directive.asText())) {
                throw new UnsupportedOperationException("$patch: " + directive.asText());
            }
            resources.remove(target);
            return;
        }
        merge(target, patch);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException("directive " + name);
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && MERGED_BY_NAME.contains(name)) {
                mergeByName((ArrayNode) existing, (ArrayNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeByName(ArrayNode target, ArrayNode patch) {
        for (JsonNode element : patch) {
            JsonNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path("name").equals(element.path("name"))) {
                    match = candidate;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                merge((ObjectNode) match, (ObjectNode) element);
            }
        }
    }

    /** Every non-empty YAML document of the file, in order. */
    static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode> readValues(file.toFile())) {
            values.forEachRemaining(document -> {
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return documents;
    }
}
