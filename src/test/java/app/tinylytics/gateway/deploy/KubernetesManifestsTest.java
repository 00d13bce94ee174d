package app.tinylytics.gateway.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;

/**
 * Checks what {@code kubectl apply -k} would create from each tree under k8s/ (the default, the single-replica overlay,
 * the JVM overlay): strictly against the Kubernetes model, against the running app's probes and config, and against
 * the topology's promises (one budget per key however many replicas run, readiness that ignores upstream).
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path BASE = K8S;
    private static final Path SINGLE = K8S.resolve("overlays/single");
    private static final Path JVM = K8S.resolve("overlays/jvm");
    private static final List<Path> TREES = List.of(BASE, SINGLE, JVM);
    private static final String GATEWAY = "tinylytics-gateway";
    private static final String REDIS = "tinylytics-redis";
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    private static final Set<String> PROBE_PATHS = Set.of("/q/health/started", "/q/health/live", "/q/health/ready");

    /**
     * Env vars a manifest may set for config that does not exist yet. The test fails once a listed one exists, so the
     * list cannot silently outlive its reason.
     */
    private static final Set<String> PROPERTIES_STILL_TO_COME = Set.of();

    /** Top-level fields of a kustomization this project uses; a typo such as "resource:" would be ignored by kubectl. */
    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "patches");

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

    /** What {@code kubectl apply -k tree} would create, each resource strictly parsed. */
    static List<HasMetadata> render(Path tree) throws IOException {
        List<HasMetadata> resources = new ArrayList<>();
        for (ObjectNode document : Kustomize.build(tree)) {
            resources.add(parseStrictly(document));
        }
        return resources;
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> Optional<T> named(List<HasMetadata> resources, Class<T> type, String name) {
        return all(resources, type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    static Container gatewayContainer(List<HasMetadata> resources) {
        return container(named(resources, Deployment.class, GATEWAY).orElseThrow());
    }

    static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().startsWith("kustomization.");
    }

    /** The gateway's settings as its container sees them: ConfigMap and Secret entries it takes through envFrom. */
    static Map<String, String> gatewayEnv(List<HasMetadata> resources) {
        Map<String, String> env = new HashMap<>();
        Container container = gatewayContainer(resources);
        container.getEnv().forEach(var -> env.put(var.getName(), var.getValue()));
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                ConfigMap map = named(resources, ConfigMap.class, name)
                        .orElseThrow(() -> new AssertionError("envFrom names missing ConfigMap " + name));
                env.putAll(map.getData());
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                Secret secret = named(resources, Secret.class, name)
                        .orElseThrow(() -> new AssertionError("envFrom names missing Secret " + name));
                env.putAll(secretValues(secret));
            }
        }
        return env;
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
        assertTrue(container(lenient).getAdditionalProperties().containsKey("readinesProbe"));

        var error = assertThrows(UnrecognizedPropertyException.class,
                () -> parseStrictly(STRICT.readTree(misspelledProbe)));
        assertTrue(error.getMessage().contains("readinesProbe"), error.getMessage());
        assertThrows(UnrecognizedPropertyException.class,
                () -> parseStrictly(STRICT.readTree("apiVersion: v1\nkind: ConfigMap\nmetdata:\n  name: x\n")));
    }

    @Test
    void everyTreeRendersToStrictlyValidResourcesCarryingTheAppLabel() throws IOException {
        for (Path tree : TREES) {
            List<HasMetadata> resources = render(tree);
            assertFalse(resources.isEmpty(), tree.toString());
            for (HasMetadata resource : resources) {
                assertEquals(GATEWAY, resource.getMetadata().getLabels().get(NAME_LABEL),
                        tree + ": " + resource.getKind() + " " + resource.getMetadata().getName() + " lacks " + NAME_LABEL);
            }
        }
    }

    @Test
    void kustomizationsUseKnownFieldsAndListEveryFile() throws IOException {
        Set<Path> referenced = new HashSet<>();
        for (Path file : yamlFiles().stream().filter(KubernetesManifestsTest::isKustomization).toList()) {
            JsonNode kustomization = STRICT.readTree(file.toFile());
            assertEquals("kustomize.config.k8s.io/v1beta1", kustomization.path("apiVersion").asText(), file.toString());
            assertEquals("Kustomization", kustomization.path("kind").asText(), file.toString());
            Set<String> unknown = new TreeSet<>();
            kustomization.fieldNames().forEachRemaining(unknown::add);
            unknown.removeAll(KUSTOMIZATION_FIELDS);
            assertTrue(unknown.isEmpty(), file + ": unknown fields " + unknown);

            List<String> paths = new ArrayList<>();
            kustomization.path("resources").forEach(resource -> paths.add(resource.asText()));
            kustomization.path("patches").forEach(patch -> paths.add(patch.path("path").asText()));
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

    /** The renderer this test relies on agrees with kustomize itself, wherever kubectl is installed. */
    @Test
    void renderingAgreesWithKubectlKustomize() throws IOException, InterruptedException {
        assumeTrue(kubectlAvailable(), "kubectl is not installed: the rendering is checked against kustomize elsewhere");
        for (Path tree : TREES) {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", tree.toString()).redirectErrorStream(false).start();
            byte[] output = kubectl.getInputStream().readAllBytes();
            String errors = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, kubectl.waitFor(), "kubectl kustomize " + tree + ": " + errors);
            List<JsonNode> expected = new ArrayList<>();
            try (var values = STRICT.readerFor(JsonNode.class).<JsonNode> readValues(output)) {
                values.forEachRemaining(expected::add);
            }
            List<JsonNode> rendered = new ArrayList<>(Kustomize.build(tree));
            Comparator<JsonNode> byIdentity = Comparator.comparing(n -> n.path("kind").asText() + "/" + n.path("metadata").path("name").asText());
            expected.sort(byIdentity);
            rendered.sort(byIdentity);
            assertEquals(expected, rendered, tree + " renders differently from kubectl kustomize");
        }
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void probesAnswerOnTheRunningAppThroughTheContainerPortAndNeverAskUpstream() throws IOException {
        for (Path tree : TREES) {
            List<HasMetadata> resources = render(tree);
            Container container = gatewayContainer(resources);
            ContainerPort http = container.getPorts().get(0);
            assertEquals("http", http.getName());
            assertEquals(8080, http.getContainerPort());

            List<Probe> probes = List.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe());
            assertEquals(List.of("/q/health/started", "/q/health/live", "/q/health/ready"),
                    probes.stream().map(p -> p.getHttpGet().getPath()).toList(), tree.toString());
            for (Probe probe : probes) {
                HTTPGetAction get = probe.getHttpGet();
                assertTrue(http.getName().equals(get.getPort().getStrVal())
                        || http.getContainerPort().equals(get.getPort().getIntVal()), "probe port " + get.getPort());
                assertTrue(PROBE_PATHS.contains(get.getPath()), get.getPath());
                given().when().get(get.getPath()).then().statusCode(200)
                        .body("checks.name", not(hasItem("tinylytics-upstream")));
            }

            Service service = named(resources, Service.class, GATEWAY).orElseThrow();
            assertEquals(80, service.getSpec().getPorts().get(0).getPort());
            assertEquals(http.getName(), service.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        }
    }

    @Test
    void everyEnvVarTheGatewayGetsIsARunTimePropertyOfTheApp() throws IOException {
        Map<String, String> known = runTimePropertiesByEnvName();
        for (String env : PROPERTIES_STILL_TO_COME) {
            assertFalse(known.containsKey(env), env + " is a real property now (" + known.get(env)
                    + "): remove it from PROPERTIES_STILL_TO_COME");
        }
        for (Path tree : TREES) {
            Set<String> envNames = new TreeSet<>(gatewayEnv(render(tree)).keySet());
            assertTrue(envNames.contains("TINYLYTICS_API_READ_KEY"), tree + ": envFrom was not followed: " + envNames);
            Set<String> unknown = new TreeSet<>(envNames);
            unknown.removeAll(known.keySet());
            unknown.removeAll(PROPERTIES_STILL_TO_COME);
            assertTrue(unknown.isEmpty(), tree + ": env vars that set no run-time config property of this app: " + unknown);
        }
        assertEquals("tinylytics.api.read-key", known.get("TINYLYTICS_API_READ_KEY"));
        assertEquals("gateway.budget.expected-replicas", known.get("GATEWAY_BUDGET_EXPECTED_REPLICAS"));
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

    @Test
    void theSecretTemplateHoldsOnlyPlaceholders() throws IOException {
        for (Path tree : TREES) {
            List<Secret> secrets = all(render(tree), Secret.class);
            assertFalse(secrets.isEmpty());
            for (Secret secret : secrets) {
                secretValues(secret).forEach((key, value) -> {
                    assertFalse(value.trim().startsWith("tly-"), secret.getMetadata().getName() + "/" + key
                            + " looks like a real Tinylytics key");
                    assertEquals("REPLACE_ME", value, secret.getMetadata().getName() + "/" + key + " is not a placeholder");
                });
            }
        }
    }

    @Test
    void everyContainerRunsAsNonRootOnAReadOnlyFilesystem() throws IOException {
        for (Path tree : TREES) {
            for (Deployment deployment : all(render(tree), Deployment.class)) {
                PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
                assertEquals("RuntimeDefault", pod.getSeccompProfile().getType(), deployment.getMetadata().getName());
                assertEquals(Boolean.FALSE, deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken());
                for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    String where = tree + ": " + deployment.getMetadata().getName() + "/" + container.getName();
                    SecurityContext security = container.getSecurityContext();
                    assertNotNull(security, where);
                    boolean nonRoot = Boolean.TRUE.equals(security.getRunAsNonRoot())
                            || (security.getRunAsNonRoot() == null && Boolean.TRUE.equals(pod.getRunAsNonRoot()));
                    assertTrue(nonRoot, where + ": runAsNonRoot");
                    assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), where + ": readOnlyRootFilesystem");
                    assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
                    assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), where + ": capabilities.drop");
                    assertNotNull(container.getResources().getLimits().get("memory"), where + ": memory limit");
                }
            }
        }
    }

    @Test
    void theDefaultRunsTwoToSixReplicasThatShareOneBudgetInRedis() throws IOException {
        List<HasMetadata> resources = render(BASE);
        Deployment gateway = named(resources, Deployment.class, GATEWAY).orElseThrow();
        HorizontalPodAutoscaler hpa = named(resources, HorizontalPodAutoscaler.class, GATEWAY).orElseThrow();
        Map<String, String> env = gatewayEnv(resources);

        assertEquals(2, gateway.getSpec().getReplicas());
        assertEquals(GATEWAY, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2, "minReplicas " + hpa.getSpec().getMinReplicas());
        assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas());
        assertEquals(1, named(resources, PodDisruptionBudget.class, GATEWAY).orElseThrow().getSpec().getMinAvailable().getIntVal());

        assertEquals("redis", env.get("GATEWAY_CACHE_BACKEND"));
        Service redis = named(resources, Service.class, REDIS).orElseThrow();
        assertEquals("redis://" + REDIS + ":" + redis.getSpec().getPorts().get(0).getPort(), env.get("QUARKUS_REDIS_HOSTS"));
        // While Redis is unreachable each replica spends limit / expected; as many replicas as the HPA may run must fit.
        assertEquals(String.valueOf(hpa.getSpec().getMaxReplicas()), env.get("GATEWAY_BUDGET_EXPECTED_REPLICAS"));
        // ... and a rollout must not add pods beyond that maximum.
        assertEquals(0, gateway.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal());
        assertTrue(env.containsKey("GATEWAY_SECURITY_KEY_IDENTITY_SECRET"), "replicas sharing Redis must share the key-identity secret");
        assertTrue(env.containsKey("QUARKUS_REDIS_PASSWORD"));
    }

    @Test
    void redisEvictsOnlyKeysWithATtlAndKeepsNothingOnDisk() throws IOException {
        List<HasMetadata> resources = render(BASE);
        Deployment redis = named(resources, Deployment.class, REDIS).orElseThrow();
        Container container = container(redis);
        Path configFile = Path.of(container.getArgs().get(0));
        ConfigMap config = named(resources, ConfigMap.class, "tinylytics-redis-config").orElseThrow();
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> Path.of(m.getMountPath()).equals(configFile.getParent())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted where the config file " + configFile + " is read"));
        assertTrue(redis.getSpec().getTemplate().getSpec().getVolumes().stream().anyMatch(v -> v.getName().equals(mount.getName())
                && v.getConfigMap() != null && v.getConfigMap().getName().equals(config.getMetadata().getName())));

        Map<String, String> settings = redisSettings(config.getData().get(configFile.getFileName().toString()));
        // Cache entries always carry a TTL and budget keys never do: volatile-* can only ever evict cache entries.
        assertTrue(settings.get("maxmemory-policy").startsWith("volatile-"), settings.get("maxmemory-policy"));
        long maxmemory = redisBytes(settings.get("maxmemory"));
        assertTrue(maxmemory > 0);
        assertTrue(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
                .compareTo(BigDecimal.valueOf(maxmemory)) > 0, "the container's limit must exceed maxmemory");
        assertEquals("\"\"", settings.get("save"));
        assertEquals("no", settings.get("appendonly"));

        assertEquals("$(REDIS_PASSWORD)", container.getArgs().get(container.getArgs().indexOf("--requirepass") + 1));
        EnvVar password = container.getEnv().stream().filter(e -> e.getName().equals("REDIS_PASSWORD")).findFirst().orElseThrow();
        String secretName = password.getValueFrom().getSecretKeyRef().getName();
        Secret secret = named(resources, Secret.class, secretName).orElseThrow();
        assertEquals(password.getValueFrom().getSecretKeyRef().getKey(), "QUARKUS_REDIS_PASSWORD",
                "Redis and the gateway must read the same password");
        assertTrue(secretValues(secret).containsKey("QUARKUS_REDIS_PASSWORD"));

        NetworkPolicy redisPolicy = named(resources, NetworkPolicy.class, REDIS).orElseThrow();
        assertEquals("gateway", redisPolicy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector()
                .getMatchLabels().get(COMPONENT_LABEL));
        NetworkPolicy gatewayPolicy = named(resources, NetworkPolicy.class, GATEWAY).orElseThrow();
        assertTrue(gatewayPolicy.getSpec().getEgress().stream().anyMatch(rule -> rule.getPorts().stream()
                .anyMatch(port -> port.getPort().getIntVal() == 6379)), "the gateway may not reach Redis");
    }

    /** The directives of a redis.conf, last one winning, as Redis reads them. */
    static Map<String, String> redisSettings(String conf) {
        Map<String, String> settings = new HashMap<>();
        for (String line : conf.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] parts = trimmed.split("\\s+", 2);
                settings.put(parts[0].toLowerCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
            }
        }
        return settings;
    }

    static long redisBytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)(kb|mb|gb|k|m|g)?", Pattern.CASE_INSENSITIVE).matcher(size.strip());
        assertTrue(matcher.matches(), size);
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "" -> amount;
            case "k" -> amount * 1000;
            case "kb" -> amount * 1024;
            case "m" -> amount * 1000 * 1000;
            case "mb" -> amount * 1024 * 1024;
            case "g" -> amount * 1000 * 1000 * 1000;
            case "gb" -> amount * 1024 * 1024 * 1024;
            default -> throw new AssertionError(unit);
        };
    }

    @Test
    void theSingleOverlayRunsExactlyOneReplicaWithTheLocalBackendAndNoRedis() throws IOException {
        List<HasMetadata> resources = render(SINGLE);
        Deployment gateway = named(resources, Deployment.class, GATEWAY).orElseThrow();
        Map<String, String> env = gatewayEnv(resources);

        assertEquals(1, gateway.getSpec().getReplicas());
        // Not even during a rollout may a second replica (a second budget) run.
        assertEquals("Recreate", gateway.getSpec().getStrategy().getType());
        assertTrue(all(resources, HorizontalPodAutoscaler.class).isEmpty(), "an autoscaler would add budgets");
        assertTrue(all(resources, PodDisruptionBudget.class).isEmpty(), "minAvailable 1 of 1 blocks node drains");
        assertEquals(List.of(GATEWAY), all(resources, Deployment.class).stream().map(d -> d.getMetadata().getName()).toList());
        assertTrue(resources.stream().noneMatch(r -> "cache".equals(r.getMetadata().getLabels().get(COMPONENT_LABEL))),
                "Redis resources left in the single overlay");

        assertEquals("caffeine", env.get("GATEWAY_CACHE_BACKEND"));
        assertFalse(env.containsKey("QUARKUS_REDIS_HOSTS"));
        assertEquals("1", env.get("GATEWAY_BUDGET_EXPECTED_REPLICAS"));
    }

    @Test
    void theJvmOverlayRunsTheJvmImageWhoseShippedOptionsSizeTheHeapFromItsLimit() throws IOException, InterruptedException {
        Container base = gatewayContainer(render(BASE));
        Container jvm = gatewayContainer(render(JVM));
        assertTrue(base.getImage().endsWith(":native"), base.getImage());
        assertTrue(jvm.getImage().endsWith(":jvm"), jvm.getImage());
        long limit = Quantity.getAmountInBytes(jvm.getResources().getLimits().get("memory")).longValueExact();
        assertTrue(limit > Quantity.getAmountInBytes(base.getResources().getLimits().get("memory")).longValueExact());

        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("COPY --chown=185 src/main/jvm/jvm.options /deployments/jvm.options"), dockerfile);
        Matcher javaOpts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
        assertTrue(javaOpts.find(), "Dockerfile.jvm sets no JAVA_OPTS (run-java.sh would add its own heap and GC options)");
        assertTrue(javaOpts.group(1).startsWith("@/deployments/jvm.options"), javaOpts.group(1));

        // The shipped options are valid for this JVM and give half of the overlay's limit to the heap, serially collected.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@src/main/jvm/jvm.options", "-XX:MaxRAM=" + limit,
                "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String flags = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), flags);
        assertEquals("true", flag(flags, "UseSerialGC"));
        long maxHeap = Long.parseLong(flag(flags, "MaxHeapSize"));
        assertTrue(Math.abs(maxHeap - limit / 2) <= 4L * 1024 * 1024, "MaxHeapSize " + maxHeap + " for a limit of " + limit);
        assertTrue(Long.parseLong(flag(flags, "MaxMetaspaceSize")) < limit / 2);
    }

    private static String flag(String printFlagsFinal, String name) {
        Matcher matcher = Pattern.compile("(?m)^\\s*\\S+\\s+" + name + "\\s+=\\s+(\\S+)").matcher(printFlagsFinal);
        assertTrue(matcher.find(), "no flag " + name);
        return matcher.group(1);
    }
}
