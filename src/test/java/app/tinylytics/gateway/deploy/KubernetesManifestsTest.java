package app.tinylytics.gateway.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

/** Checks the manifests under k8s/ strictly against the Kubernetes model and against the running app. */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final String GATEWAY = "tinylytics-gateway";
    private static final String NAME_LABEL = "app.kubernetes.io/name";

    /**
     * Env vars a manifest may set for config that does not exist yet (empty: the Redis overlay's
     * {@code GATEWAY_CACHE_BACKEND} and {@code QUARKUS_REDIS_HOSTS} are real now). The test fails once a
     * listed one exists, so the list cannot silently outlive its reason.
     */
    private static final Set<String> PROPERTIES_STILL_TO_COME = Set.of();

    /** Top-level fields of a kustomization this project uses; a typo such as "resource:" would be ignored by kubectl. */
    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "patches",
            "labels", "namespace", "images", "configMapGenerator", "secretGenerator", "components");

    /** Finds the model class for apiVersion and kind, as kubectl's client library would. */
    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();

    private static final ObjectMapper STRICT = strictYamlMapper();

    /**
     * fabric8 model classes collect unknown fields in {@code additionalProperties} through a {@code @JsonAnySetter},
     * so FAIL_ON_UNKNOWN_PROPERTIES alone never fires; switching off any-setters makes every level strict.
     */
    static ObjectMapper strictYamlMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        return mapper;
    }

    /** Parses one YAML document into the model class its apiVersion and kind name, failing on any unknown field. */
    static HasMetadata parseStrictly(JsonNode document) throws IOException {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<? extends KubernetesResource> type = FABRIC8.getRegisteredKubernetesResource(apiVersion, kind);
        assertNotNull(type, "unknown apiVersion/kind " + apiVersion + "/" + kind);
        return (HasMetadata) STRICT.treeToValue(document, type);
    }

    record Manifest(Path file, HasMetadata resource) {
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().startsWith("kustomization.");
    }

    static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = STRICT.readerFor(JsonNode.class).<JsonNode> readValues(file.toFile())) {
            values.forEachRemaining(document -> {
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            });
        }
        return documents;
    }

    static List<Manifest> manifests() throws IOException {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (!isKustomization(file)) {
                for (JsonNode document : documents(file)) {
                    manifests.add(new Manifest(file, parseStrictly(document)));
                }
            }
        }
        return manifests;
    }

    static <T extends HasMetadata> List<T> all(List<Manifest> manifests, Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    static Deployment gatewayDeployment(List<Manifest> manifests) {
        return all(manifests, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(GATEWAY)).findFirst().orElseThrow();
    }

    static Container gatewayContainer(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @Test
    void strictParsingRejectsAMisspelledFieldAtAnyDepth() {
        String misspelledProbe = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  template:
                    spec:
                      containers:
                        - name: gateway
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                """;
        // fabric8's own parser accepts the typo silently: that is why the strict mapper exists.
        Deployment lenient = FABRIC8.unmarshal(misspelledProbe, Deployment.class);
        assertTrue(gatewayContainer(lenient).getAdditionalProperties().containsKey("readinesProbe"));

        var error = assertThrows(UnrecognizedPropertyException.class,
                () -> parseStrictly(STRICT.readTree(misspelledProbe)));
        assertTrue(error.getMessage().contains("readinesProbe"), error.getMessage());
        assertThrows(UnrecognizedPropertyException.class,
                () -> parseStrictly(STRICT.readTree("apiVersion: v1\nkind: ConfigMap\nmetdata:\n  name: x\n")));
    }

    @Test
    void everyManifestParsesStrictlyAndCarriesTheAppLabel() throws IOException {
        List<Manifest> manifests = manifests();
        assertFalse(manifests.isEmpty());
        for (Manifest manifest : manifests) {
            assertEquals(GATEWAY, manifest.resource().getMetadata().getLabels().get(NAME_LABEL),
                    manifest.file() + ": " + manifest.resource().getKind() + " lacks " + NAME_LABEL);
        }
    }

    @Test
    void kustomizationsUseKnownFieldsAndListEveryManifest() throws IOException {
        Set<Path> referenced = new HashSet<>();
        for (Path file : yamlFiles().stream().filter(KubernetesManifestsTest::isKustomization).toList()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> kustomization = STRICT.readValue(file.toFile(), Map.class);
            assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.get("apiVersion"), file.toString());
            assertEquals("Kustomization", kustomization.get("kind"), file.toString());
            Set<String> unknown = new TreeSet<>(kustomization.keySet());
            unknown.removeAll(KUSTOMIZATION_FIELDS);
            assertTrue(unknown.isEmpty(), file + ": unknown fields " + unknown);

            List<String> paths = new ArrayList<>();
            listOf(kustomization.get("resources")).forEach(resource -> paths.add(String.valueOf(resource)));
            for (Object patch : listOf(kustomization.get("patches"))) {
                paths.add(String.valueOf(((Map<?, ?>) patch).get("path")));
            }
            for (String path : paths) {
                Path target = file.getParent().resolve(path).normalize();
                assertTrue(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")),
                        file + " lists missing " + path);
                // kustomize refuses a base that contains the overlay using it ("cycle detected").
                assertFalse(file.getParent().toAbsolutePath().normalize().startsWith(target.toAbsolutePath()),
                        file + " builds on its own ancestor " + path);
                referenced.add(target);
            }
        }
        for (Path file : yamlFiles()) {
            assertTrue(isKustomization(file) || referenced.contains(file.normalize()),
                    file + " is not listed in any kustomization, so kubectl apply -k would skip it");
        }
    }

    private static List<?> listOf(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @Test
    void probesAnswerOnTheRunningAppThroughTheContainerPort() throws IOException {
        List<Manifest> manifests = manifests();
        Container container = gatewayContainer(gatewayDeployment(manifests));
        ContainerPort http = container.getPorts().get(0);
        assertEquals("http", http.getName());
        assertEquals(8080, http.getContainerPort());

        List<Probe> probes = List.of(container.getStartupProbe(), container.getLivenessProbe(),
                container.getReadinessProbe());
        assertEquals(List.of("/q/health/started", "/q/health/live", "/q/health/ready"),
                probes.stream().map(p -> p.getHttpGet().getPath()).toList());
        for (Probe probe : probes) {
            HTTPGetAction get = probe.getHttpGet();
            assertTrue(http.getName().equals(get.getPort().getStrVal())
                    || http.getContainerPort().equals(get.getPort().getIntVal()), "probe port " + get.getPort());
            given().when().get(get.getPath()).then().statusCode(200);
        }

        Service service = all(manifests, Service.class).stream()
                .filter(s -> s.getMetadata().getName().equals(GATEWAY)).findFirst().orElseThrow();
        assertEquals(80, service.getSpec().getPorts().get(0).getPort());
        assertEquals(http.getName(), service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
    }

    @Test
    void everyEnvVarTheDeploymentSetsIsARunTimePropertyOfTheApp() throws IOException {
        List<Manifest> manifests = manifests();
        Map<String, String> known = runTimePropertiesByEnvName();
        Set<String> envNames = new TreeSet<>();
        for (Deployment deployment : all(manifests, Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                envNames.addAll(envNamesOf(container, manifests));
            }
        }
        assertTrue(envNames.contains("TINYLYTICS_API_READ_KEY"), "envFrom was not followed: " + envNames);

        for (String env : PROPERTIES_STILL_TO_COME) {
            assertFalse(known.containsKey(env), env + " is a real property now (" + known.get(env)
                    + "): remove it from PROPERTIES_STILL_TO_COME");
        }
        Set<String> unknown = new TreeSet<>(envNames);
        unknown.removeAll(known.keySet());
        unknown.removeAll(PROPERTIES_STILL_TO_COME);
        assertTrue(unknown.isEmpty(), "env vars that set no run-time config property of this app: " + unknown);
        assertEquals("tinylytics.api.read-key", known.get("TINYLYTICS_API_READ_KEY"));
    }

    /** Names from {@code env} and from every ConfigMap/Secret (base or overlay patch) that {@code envFrom} references. */
    static Set<String> envNamesOf(Container container, List<Manifest> manifests) {
        Set<String> names = new TreeSet<>();
        container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                List<ConfigMap> maps = all(manifests, ConfigMap.class).stream()
                        .filter(c -> c.getMetadata().getName().equals(name)).toList();
                assertFalse(maps.isEmpty(), "envFrom names missing ConfigMap " + name);
                maps.forEach(c -> names.addAll(c.getData().keySet()));
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                Secret secret = all(manifests, Secret.class).stream()
                        .filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("envFrom names missing Secret " + name));
                names.addAll(secretValues(secret).keySet());
            }
        }
        return names;
    }

    /**
     * Env name to property name, for properties that an env var can still change in a built image: run-time
     * properties from every extension's config model on the classpath, plus every {@code @ConfigMapping} of this app.
     */
    static Map<String, String> runTimePropertiesByEnvName() throws IOException {
        Map<String, String> known = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (URL model : Collections.list(loader.getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
            try (InputStream in = model.openStream()) {
                for (JsonNode property : json.readTree(in).findParents("phase")) {
                    JsonNode path = property.path("path");
                    if ("RUN_TIME".equals(property.path("phase").asText()) && path.has("environmentVariable")) {
                        known.put(path.get("environmentVariable").asText(), path.get("property").asText());
                    }
                }
            }
        }
        assertTrue(known.containsKey("QUARKUS_HTTP_PORT"), "no Quarkus config model found on the class path");

        for (Class<?> mapping : appConfigMappings(loader)) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            for (String property : ConfigMappings.getProperties(ConfigClass.configClass(mapping, prefix)).keySet()) {
                known.put(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), property);
            }
        }
        return known;
    }

    /** Every {@code @ConfigMapping} interface compiled from src/main, so new ones are checked without editing this test. */
    static List<Class<?>> appConfigMappings(ClassLoader loader) throws IOException {
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(name -> load(loader, name))
                    .filter(Objects::nonNull)
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(ConfigMapping.class))
                    .<Class<?>> map(type -> type)
                    .toList();
        }
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    static Map<String, String> secretValues(Secret secret) {
        Map<String, String> values = new HashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k,
                    new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    @Test
    void secretTemplateHoldsNoTinylyticsKey() throws IOException {
        List<Secret> secrets = all(manifests(), Secret.class);
        assertFalse(secrets.isEmpty());
        for (Secret secret : secrets) {
            secretValues(secret).forEach((key, value) -> assertFalse(value.trim().startsWith("tly-"),
                    secret.getMetadata().getName() + "/" + key + " looks like a real Tinylytics key"));
        }
    }

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyFilesystem() throws IOException {
        for (Deployment deployment : all(manifests(), Deployment.class)) {
            PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                SecurityContext security = container.getSecurityContext();
                assertNotNull(security, where);
                boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                        || (security.getRunAsNonRoot() == null && pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot()));
                assertTrue(nonRoot, where + ": runAsNonRoot");
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where + ": readOnlyRootFilesystem");
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
                assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), where + ": capabilities.drop");
            }
        }
    }

    @Test
    void twoReplicasAndTheAutoscalerNeverGoesBelowThem() throws IOException {
        List<Manifest> manifests = manifests();
        assertEquals(2, gatewayDeployment(manifests).getSpec().getReplicas());
        HorizontalPodAutoscaler hpa = all(manifests, HorizontalPodAutoscaler.class).get(0);
        assertEquals(GATEWAY, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "minReplicas " + hpa.getSpec().getMinReplicas());
        assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas());
    }
}
