package app.tinylytics.gateway.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * The production topology on loopback: one real redis-server (with the Kubernetes base's redis.conf), the simulator
 * as upstream in its own process (the demo build), and N packaged production gateways sharing both, each started with
 * the shipped JVM options and the JVM overlay's memory limit as its RAM.
 */
final class LocalCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(150);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Requests per key per hour on both sides: small, so that budget checks need few requests. */
    static final int HOURLY_LIMIT = 200;

    private final Path work;
    private final ClusterClient client;
    private final ManagedProcess redis;
    private final ManagedProcess simulator;
    private final List<ManagedProcess> gateways = new ArrayList<>();
    private final List<URI> replicaUris = new ArrayList<>();
    private final int redisPort;
    private final int simulatorPort;
    private final long replicaRamBytes;
    private final String redisPassword;

    private LocalCluster(int replicas, Path work, ClusterClient client) throws IOException {
        this.work = work;
        this.client = client;
        Files.createDirectories(work);
        Path gatewayJar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path demoJar = Path.of(System.getProperty("tinylytics.test.demo-jar", "target/demo/quarkus-run.jar"));
        for (Path jar : List.of(gatewayJar, demoJar)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No " + jar + ": run ./mvnw package first (without -DskipDemoBuild)");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.redisPassword = randomSecret();
        String identitySecret = randomSecret();
        this.replicaRamBytes = jvmOverlayMemoryLimit();

        redisPort = ManagedProcess.freePort();
        Path redisConf = work.resolve("redis.conf");
        Files.writeString(redisConf, baseRedisConf());
        redis = new ManagedProcess("redis", List.of("redis-server", redisConf.toAbsolutePath().toString(),
                "--port", String.valueOf(redisPort), "--bind", "127.0.0.1", "--requirepass", redisPassword,
                "--dir", work.toAbsolutePath().toString()), Map.of(), work.resolve("redis.log"));

        simulatorPort = ManagedProcess.freePort();
        simulator = new ManagedProcess("simulator", List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", demoJar.toString()),
                Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", String.valueOf(simulatorPort),
                        "TINYLYTICS_SIMULATOR_HOURLY_LIMIT", String.valueOf(HOURLY_LIMIT)),
                work.resolve("simulator.log"));

        for (int i = 1; i <= replicas; i++) {
            int port = ManagedProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("TINYLYTICS_API_BASE_URL", simulatorRoot().resolve("/simulator/api/v1").toString());
            env.put("TINYLYTICS_API_READ_KEY", "tly-ro-demo-alice-read");
            env.put("TINYLYTICS_API_WRITE_KEY", "tly-fa-demo-alice-full");
            env.put("GATEWAY_CACHE_BACKEND", "redis");
            env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + redisPort);
            env.put("QUARKUS_REDIS_PASSWORD", redisPassword);
            env.put("GATEWAY_SECURITY_KEY_IDENTITY_SECRET", identitySecret);
            env.put("GATEWAY_SECURITY_OPEN_READS", "true");
            env.put("GATEWAY_SECURITY_OPEN_WRITES", "true");
            env.put("GATEWAY_BUDGET_EXPECTED_REPLICAS", String.valueOf(replicas));
            // One client address sends everything here: the per-caller share would otherwise be what limits it.
            env.put("GATEWAY_BUDGET_CALLER_SHARE_PERCENT", "100");
            env.put("GATEWAY_UPSTREAM_HOURLY_LIMIT", String.valueOf(HOURLY_LIMIT));
            // Real time throughout (no GATEWAY_CLOCK_RATE): fetch leases and Redis expiries count real milliseconds.
            // Site data goes out of date within the upstream outage: the budget-aware freshness stretches one read's
            // 5 s to about 3600 / (0.95 * 200) = 19 s, a dashboard's reads to minutes.
            env.put("GATEWAY_CACHE_TTL_ACCOUNT", "5s");
            // Quick verdicts and a quick way back after the upstream outage.
            env.put("GATEWAY_HEALTH_PROBE_INTERVAL", "1s");
            env.put("GATEWAY_CIRCUIT_BREAKER_DELAY", "2s");
            env.put("GATEWAY_UPSTREAM_TIMEOUT", "3s");
            gateways.add(new ManagedProcess("gateway-" + i, List.of(java, "@src/main/jvm/jvm.options",
                    "-XX:MaxRAM=" + replicaRamBytes, "-jar", gatewayJar.toString()), env, work.resolve("gateway-" + i + ".log")));
            replicaUris.add(URI.create("http://127.0.0.1:" + port));
        }
    }

    /** Starts everything, Redis and the simulator first; on failure stops what already runs. */
    static LocalCluster start(int replicas, Path work) throws IOException {
        LocalCluster cluster = new LocalCluster(replicas, work, new ClusterClient());
        // A failsafe JVM stopped before close() runs must not leave the cluster behind.
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        try {
            cluster.startRedis();
            cluster.startSimulator();
            for (int i = 1; i <= replicas; i++) {
                cluster.startReplica(i);
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    void startRedis() {
        redis.start(() -> listening(redisPort), STARTUP);
    }

    void stopRedis() {
        redis.stop();
    }

    void startSimulator() {
        simulator.start(() -> client.status(simulatorRoot().resolve("/simulator/api/v1")) == 200, STARTUP);
    }

    void stopSimulator() {
        simulator.stop();
    }

    /** Replica {@code i} (from 1), started and ready. */
    void startReplica(int i) {
        gateways.get(i - 1).start(() -> client.status(replica(i).resolve("/q/health/ready")) == 200, STARTUP);
    }

    /** {@code kill -9} of replica {@code i}. */
    void kill(int i) {
        gateways.get(i - 1).kill();
    }

    URI replica(int i) {
        return replicaUris.get(i - 1);
    }

    int replicas() {
        return gateways.size();
    }

    ManagedProcess replicaProcess(int i) {
        return gateways.get(i - 1);
    }

    URI simulatorRoot() {
        return URI.create("http://127.0.0.1:" + simulatorPort);
    }

    long replicaRamBytes() {
        return replicaRamBytes;
    }

    Path work() {
        return work;
    }

    /** Every key matching {@code pattern} with its TTL in seconds (-1: none), asked with redis-cli. */
    Map<String, Long> redisTtls(String pattern) {
        Map<String, Long> ttls = new TreeMap<>();
        for (String key : redisCli("--scan", "--pattern", pattern)) {
            if (!key.isBlank()) {
                ttls.put(key, Long.parseLong(redisCli("TTL", key).get(0).strip()));
            }
        }
        return ttls;
    }

    private List<String> redisCli(String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(redisPort),
                "--no-auth-warning"));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // The password travels in the environment, not on a command line others could read.
            builder.environment().put("REDISCLI_AUTH", redisPassword);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("redis-cli " + String.join(" ", arguments) + ": " + output);
            }
            return List.of(output.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gateways.forEach(ManagedProcess::stop);
        simulator.stop();
        redis.stop();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The redis.conf that k8s/base/redis.yaml ships in its ConfigMap: the cluster runs the same Redis settings. */
    private static String baseRedisConf() throws IOException {
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode> readValues(Path.of("k8s/base/redis.yaml").toFile())
                .readAll()) {
            if ("ConfigMap".equals(document.path("kind").asText())) {
                return document.at("/data/redis.conf").asText();
            }
        }
        throw new IllegalStateException("k8s/base/redis.yaml has no redis.conf");
    }

    /** The JVM overlay's memory limit, which the shipped jvm.options take their percentages of. */
    private static long jvmOverlayMemoryLimit() {
        try {
            JsonNode patch = YAML.readTree(Path.of("k8s/overlays/jvm/jvm-container.yaml").toFile());
            String limit = patch.at("/spec/template/spec/containers/0/resources/limits/memory").asText();
            return Quantity.getAmountInBytes(new Quantity(limit)).longValueExact();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
