package app.tinylytics.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a native image of the gateway would be built from, as far as this machine can go without GraalVM: the output of
 * {@code ./mvnw package -Dnative -Dquarkus.native.sources-only=true} (target/native-sources, and target/native-sources-demo
 * for the demo profile; {@code .ci/run} builds both) registers every resource the app loads at run time and every class
 * it reflects on. Skipped where those builds were not made, unless {@code -Dnative-sources.required=true}
 * (as {@code .ci/run} runs it).
 */
class NativeSourcesTest {

    private static final Path PRODUCTION = Path.of("target", "native-sources");
    private static final Path DEMO = Path.of("target", "native-sources-demo");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final String SIMULATOR_OPENAPI = "simulator/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The native-image configuration one native-sources build carries: its arguments and its reflection and resource files. */
    record NativeConfig(List<String> arguments, List<JsonNode> reflection, List<JsonNode> resources) {

        /** The reflection entry of a class, or null when it is not registered. */
        JsonNode reflectionOf(String className) {
            for (JsonNode file : reflection) {
                for (JsonNode entry : file.isArray() ? file : file.path("reflection")) {
                    if (className.equals(entry.path("name").asText(entry.path("type").asText()))) {
                        return entry;
                    }
                }
            }
            return null;
        }

        /** Whether a class-path resource is included, by a resource-config pattern or a -H:IncludeResources argument. */
        boolean includesResource(String resource) {
            List<String> patterns = new ArrayList<>();
            for (JsonNode file : resources) {
                file.path("resources").path("includes").forEach(include -> patterns.add(include.path("pattern").asText()));
                file.path("resources").forEach(include -> patterns.add(include.path("pattern").asText()));
                file.path("globs").forEach(glob -> patterns.add(globToRegex(glob.path("glob").asText())));
            }
            for (String argument : arguments) {
                if (argument.startsWith("-H:IncludeResources=")) {
                    patterns.add(argument.substring("-H:IncludeResources=".length()));
                }
            }
            return patterns.stream().filter(pattern -> !pattern.isEmpty())
                    .anyMatch(pattern -> Pattern.compile(pattern).matcher(resource).matches());
        }
    }

    static boolean required() {
        // Not under tinylytics.* or gateway.*: the app's config mappings refuse unknown properties of their prefixes.
        return Boolean.getBoolean("native-sources.required");
    }

    static NativeConfig nativeConfig(Path dir) {
        if (!Files.isDirectory(dir)) {
            assertFalse(required(), dir + " is missing: run ./mvnw package -Dnative -Dquarkus.native.sources-only=true -DskipTests"
                    + " (see .ci/run)");
            assumeTrue(false, dir + " was not built here (.ci/run builds it)");
        }
        try {
            List<String> arguments = List.of(Files.readString(dir.resolve("native-image.args")).split("\\s+"));
            List<JsonNode> reflection = new ArrayList<>();
            List<JsonNode> resources = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : files.filter(f -> f.toString().endsWith("-runner.jar")).toList()) {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        for (ZipEntry entry : zip.stream().toList()) {
                            String name = entry.getName();
                            if (!name.startsWith("META-INF/native-image/")) {
                                continue;
                            }
                            if (name.endsWith("reflect-config.json") || name.endsWith("reachability-metadata.json")) {
                                reflection.add(read(zip, entry));
                            }
                            if (name.endsWith("resource-config.json") || name.endsWith("reachability-metadata.json")) {
                                resources.add(read(zip, entry));
                            }
                        }
                    }
                }
            }
            assertFalse(reflection.isEmpty(), dir + ": no reflection configuration in the runner jar");
            assertFalse(resources.isEmpty(), dir + ": no resource configuration in the runner jar");
            return new NativeConfig(arguments, reflection, resources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return JSON.readTree(in);
        }
    }

    /** Classes compiled from src/main under a package, by name. */
    static Set<String> compiledClasses(String packageName) throws IOException {
        Path dir = CLASSES.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> packageName + "." + n.substring(0, n.length() - ".class".length()))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** Registered so that Jackson can build and read it: its constructors and its accessor methods or fields. */
    private static void assertRegisteredForJackson(NativeConfig config, String className, String why) {
        JsonNode entry = config.reflectionOf(className);
        assertTrue(entry != null, className + " is not registered for reflection (" + why + ")");
        assertTrue(flag(entry, "allDeclaredConstructors") || flag(entry, "allPublicConstructors")
                || entry.path("methods").toString().contains("<init>"), className + ": constructors not registered");
        assertTrue(flag(entry, "allDeclaredMethods") || flag(entry, "allPublicMethods") || flag(entry, "allDeclaredFields")
                || flag(entry, "allPublicFields"), className + ": neither methods nor fields registered");
    }

    private static boolean flag(JsonNode entry, String name) {
        return entry.path(name).asBoolean(false);
    }

    @Test
    void everyUpstreamDtoIsRegisteredForJackson() throws IOException {
        NativeConfig config = nativeConfig(PRODUCTION);
        Set<String> dtos = compiledClasses("app.tinylytics.gateway.upstream.dto");
        assertTrue(dtos.size() > 20, "upstream DTOs found: " + dtos);
        dtos.forEach(dto -> assertRegisteredForJackson(config, dto, "the REST client deserialises upstream's JSON into it"));
    }

    @Test
    void everyGraphQLTypeOfTheSchemaIsRegistered() throws IOException {
        NativeConfig config = nativeConfig(PRODUCTION);
        Map<String, String> gatewayClasses = gatewayClassesBySimpleName();
        Set<String> checked = new TreeSet<>();
        Matcher definition = Pattern.compile("(?m)^(?:type|input|enum) (\\w+)").matcher(Files.readString(Path.of("docs/schema.graphql")));
        while (definition.find()) {
            String className = gatewayClasses.get(definition.group(1));
            if (className != null) {
                assertTrue(config.reflectionOf(className) != null,
                        className + " (GraphQL type " + definition.group(1) + ") is not registered for reflection");
                checked.add(className);
            }
        }
        assertTrue(checked.size() > 30, "GraphQL types matched to classes: " + checked);
        // OperationPlan reads Site's record components to tell plain fields from upstream-backed ones.
        assertTrue(checked.contains("app.tinylytics.gateway.sites.Site"));
        JsonNode site = config.reflectionOf("app.tinylytics.gateway.sites.Site");
        assertTrue(flag(site, "allDeclaredMethods") || flag(site, "allPublicMethods") || flag(site, "queryAllDeclaredMethods")
                || flag(site, "queryAllPublicMethods"), "Site's accessors (its record components) are not registered: " + site);
    }

    private static Map<String, String> gatewayClassesBySimpleName() throws IOException {
        Map<String, String> classes = new HashMap<>();
        Path root = CLASSES.resolve("app/tinylytics/gateway");
        try (Stream<Path> files = Files.walk(root)) {
            files.map(f -> CLASSES.relativize(f).toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.contains("/upstream/"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .forEach(n -> classes.put(n.substring(n.lastIndexOf('.') + 1), n));
        }
        return classes;
    }

    @Test
    void graphiqlIsInTheProductionImageAndTheSimulatorsDocumentIsNot() {
        NativeConfig config = nativeConfig(PRODUCTION);
        // Built in (quarkus.smallrye-graphql.ui.always-include=true), served when GATEWAY_GRAPHIQL_ENABLED=true.
        List<String> graphiql = graphiqlResources(PRODUCTION);
        assertTrue(graphiql.stream().anyMatch(name -> name.endsWith("/graphql-ui/index.html")), "no GraphiQL in the build: " + graphiql);
        graphiql.forEach(resource -> assertTrue(config.includesResource(resource), resource + " is not in the native image"));
        assertFalse(config.includesResource(SIMULATOR_OPENAPI), "the production image carries the simulator's " + SIMULATOR_OPENAPI);
    }

    @Test
    void theDemoImageCarriesTheSimulatorsDocument() {
        NativeConfig config = nativeConfig(DEMO);
        assertTrue(config.includesResource(SIMULATOR_OPENAPI), "the demo image lacks " + SIMULATOR_OPENAPI);
    }

    /** The GraphiQL files the build packed into the runner jar (from SmallRye's GraphiQL jar), as resource names. */
    private static List<String> graphiqlResources(Path dir) {
        List<String> files = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(f -> f.toString().endsWith("-runner.jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(ZipEntry::getName)
                            .filter(name -> name.contains("/META-INF/resources/graphql-ui/") && !name.endsWith("/"))
                            .forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                regex.append(twice ? ".*" : "[^/]*");
                i += twice ? 1 : 0;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
