package app.tinylytics.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import app.tinylytics.gateway.cluster.ClusterClient.Answer;
import app.tinylytics.gateway.support.TestKeys;

/**
 * Issue 14's promises on a real topology: three packaged gateway replicas sharing one redis-server, with the simulator
 * as their upstream, each its own process on loopback, and clients spreading requests round-robin over the replicas.
 * One budget per key whatever the replica count, writes seen everywhere, and every failure (a replica killed, Redis
 * stopped, upstream stopped) survived. Runs in {@code ./mvnw verify} after the package phase; figures go to
 * {@code target/cluster/figures.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final int LIMIT = LocalCluster.HOURLY_LIMIT;
    private static final String CAROL_READ = "tly-ro-demo-carol-read";
    private static final String BOB_SITE = "900";
    /** The RSS the project sets for a JVM replica under load with the shipped options (README "Deploy"). */
    private static final long RSS_TARGET_KIB = 256 * 1024;
    /** What a replica logs when it switches to its local cache and budget share (upstream/shared/SharedState). */
    private static final String REDIS_UNREACHABLE = "Redis is unreachable";

    private static LocalCluster cluster;
    private static final ClusterClient client = new ClusterClient();
    private static final Map<String, String> figures = Collections.synchronizedMap(new LinkedHashMap<>());
    private static final AtomicLong pages = new AtomicLong(1);

    @BeforeAll
    static void startCluster() throws IOException {
        cluster = LocalCluster.start(3, Path.of("target", "cluster"));
        // Freshly started JVMs interpret their code for a while, slowly enough on two busy cores to time out Redis
        // commands (which switches a replica to its local fallback): a little traffic first, on a key the scenarios
        // below do not count.
        run(3, Duration.ofSeconds(10), List.of(1, 2, 3), (replica, n) -> client.graphql(replica, "cluster-site",
                Map.of("id", BOB_SITE), TestKeys.DEMO_BOB_READ));
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (cluster == null) {
            return;
        }
        cluster.close();
        StringBuilder report = new StringBuilder("| figure | value |\n| --- | --- |\n");
        figures.forEach((name, value) -> report.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        Files.writeString(cluster.work().resolve("figures.md"), report);
        System.out.println("ClusterIT figures:\n" + report);
    }

    // ---------------------------------------------------------------- the budget belongs to the key

    @Test
    @Order(1)
    void threeReplicasCostUpstreamWhatOneReplicaCosts() {
        // The same dashboard polled the same way: first through replica 1 alone, then round-robin over all three.
        // Alice's two keys see the same data but have their own cache entries and budgets.
        Spend one = spend(List.of(1), () -> run(6, Duration.ofSeconds(20), List.of(1),
                (replica, n) -> client.graphql(replica, "cluster-dashboard", Map.of(), TestKeys.DEMO_ALICE_FULL)));
        Spend three = spend(List.of(1, 2, 3), () -> run(6, Duration.ofSeconds(20), List.of(1, 2, 3),
                (replica, n) -> client.graphql(replica, "cluster-dashboard", Map.of(), TestKeys.DEMO_ALICE_READ)));
        figures.put("dashboard for 20 s, 6 clients: upstream requests through 1 replica", one.describe());
        figures.put("the same through 3 replicas (round-robin)", three.describe());

        one.calls().forEach(call -> assertAnsweredWithoutErrors(call, "one replica"));
        three.calls().forEach(call -> assertAnsweredWithoutErrors(call, "three replicas"));
        assertTrue(one.upstream() > 0, "the workload never reached upstream");
        double allowed = Math.max(3, one.upstream() / 10);
        assertTrue(Math.abs(three.upstream() - one.upstream()) <= allowed, "one replica needed " + one.upstream()
                + " upstream requests for the workload, three replicas needed " + three.upstream()
                + " (allowed difference " + allowed + "): replicas fetch what another one already fetches or has cached"
                + fallbacks(one, three));
        assertEquals(0, one.throttled() + three.throttled(), "upstream answered 429");
        assertEquals(0, one.simulatorThrottled() + three.simulatorThrottled(), "the simulator counted 429s");
    }

    @Test
    @Order(2)
    void togetherTheReplicasNeverSendAKeyMoreThanItsHourlyLimit() {
        // Every request is a read nobody has cached (a new page each time) with Carol's key: far more than she may spend.
        Spend spent = spend(List.of(1, 2, 3), () -> run(6, Duration.ofSeconds(10), List.of(1, 2, 3),
                (replica, n) -> client.graphql(replica, "cluster-hits-page", Map.of("id", "601", "page", n), CAROL_READ)));
        long rateLimited = spent.calls().stream().filter(call -> "RATE_LIMITED".equals(call.answer().errorCode())).count();
        figures.put("uncached reads for 10 s over 3 replicas, limit " + LIMIT + "/h", spent.describe()
                + "; RATE_LIMITED answers " + rateLimited + " of " + spent.calls().size());

        spent.calls().forEach(call -> assertEquals(200, call.answer().status(), "replica " + call.replica()));
        assertTrue(rateLimited > 0, "the workload never met the limit: this check would prove nothing");
        assertEquals(0, spent.simulatorThrottled(), "the simulator answered 429: together the replicas spent more than "
                + LIMIT + " requests of the key's hour (gateway counted " + spent.upstream() + ")" + fallbacks(spent));
        assertEquals(0, spent.throttled(), "upstream answered 429");
        assertTrue(spent.simulatorRequests() <= LIMIT, "the simulator received " + spent.simulatorRequests() + " > " + LIMIT);
        assertTrue(spent.upstream() <= LIMIT, "the replicas sent " + spent.upstream() + " > " + LIMIT);
    }

    // ---------------------------------------------------------------- writes are seen everywhere

    @Test
    @Order(3)
    void aWriteThroughOneReplicaIsReadThroughTheOthers() {
        String path = "/cluster-" + UUID.randomUUID();
        Map<String, Object> kudosOfPath = Map.of("id", "457", "path", path);
        for (int replica : List.of(2, 3)) {
            Answer before = client.graphql(cluster.replica(replica), "kudos", kudosOfPath, null);
            assertAnsweredWithoutErrors(new Call(replica, before), "before the write");
            assertEquals(0, before.data("/data/site/kudos/nodes").size());
        }
        // Both now hold the empty answer in cache, fresh for a minute at least: only an invalidation that
        // crosses replicas can make them ask again.
        double upstreamBefore = upstreamRequests(List.of(2, 3));
        for (int replica : List.of(2, 3)) {
            client.graphql(cluster.replica(replica), "kudos", kudosOfPath, null);
        }
        assertEquals(upstreamBefore, upstreamRequests(List.of(2, 3)), "the read was not cached to begin with");

        Answer written = client.graphql(cluster.replica(1), "writes-give-kudo",
                Map.of("siteId", "457", "kudo", Map.of("path", path)), null);
        assertAnsweredWithoutErrors(new Call(1, written), "the write");

        for (int replica : List.of(2, 3)) {
            Answer after = client.graphql(cluster.replica(replica), "kudos", kudosOfPath, null);
            assertAnsweredWithoutErrors(new Call(replica, after), "after the write");
            assertEquals(List.of(path), paths(after.data("/data/site/kudos/nodes")),
                    "replica " + replica + " still serves the kudos from before the write on replica 1");
        }
    }

    @Test
    @Order(4)
    void cachePressureCanEvictCachedReadsButNeverBudgetsOrGenerations() {
        // The shipped redis.conf evicts with volatile-lru: only keys with a TTL. That is safe exactly when every cached
        // read carries one and budgets and invalidation generations carry none.
        Map<String, Long> ttls = cluster.redisTtls("tinylytics-gateway:*");
        figures.put("Redis keys after the workloads", ttls.size() + " (" + ttls.keySet().stream()
                .map(key -> key.split(":")[1]).distinct().sorted().collect(Collectors.joining(", ")) + ")");
        assertTrue(ttls.keySet().stream().anyMatch(key -> key.startsWith("tinylytics-gateway:reads:")), ttls.keySet().toString());
        assertTrue(ttls.keySet().stream().anyMatch(key -> key.startsWith("tinylytics-gateway:budget:")), ttls.keySet().toString());
        ttls.forEach((key, ttl) -> {
            if (key.startsWith("tinylytics-gateway:reads:")) {
                assertTrue(ttl > 0, key + " has no TTL: cache pressure could not evict it");
            } else if (key.startsWith("tinylytics-gateway:budget:") || key.startsWith("tinylytics-gateway:generation:")) {
                assertEquals(-1, ttl, key + " has a TTL: volatile-lru could evict it under cache pressure");
            }
        });
    }

    // ---------------------------------------------------------------- failures

    @Test
    @Order(5)
    void whileUpstreamIsDownEveryReplicaStaysReadyServesStaleAndRecoversAfterwards() {
        // Cached: Bob's site, one read (its freshness is stretched the least). Uncached: a new page of hits each time.
        for (int replica = 1; replica <= 3; replica++) {
            assertAnsweredWithoutErrors(new Call(replica, bobsSite(replica)), "before the outage");
        }
        cluster.stopSimulator();
        boolean[] sawStale = new boolean[4];
        Instant end = Instant.now().plusSeconds(30);
        int rounds = 0;
        while (Instant.now().isBefore(end)) {
            for (int replica = 1; replica <= 3; replica++) {
                assertEquals(200, client.status(cluster.replica(replica).resolve("/q/health/ready")),
                        "replica " + replica + " left the Service while upstream is down");
                Answer cached = bobsSite(replica);
                assertAnsweredWithoutErrors(new Call(replica, cached), "a cached read during the outage");
                sawStale[replica] |= cached.stale();
                Answer uncached = client.graphql(cluster.replica(replica), "cluster-hits-page",
                        Map.of("id", "456", "page", pages.incrementAndGet()), null);
                assertEquals("UPSTREAM_UNAVAILABLE", uncached.errorCode(), "replica " + replica + ": " + uncached.body());
            }
            rounds++;
            ManagedProcess.pause(Duration.ofSeconds(1));
        }
        for (int replica = 1; replica <= 3; replica++) {
            assertTrue(sawStale[replica], "replica " + replica + " never marked an answer stale (extensions.cache.stale)");
            assertEquals(503, client.status(cluster.replica(replica).resolve("/q/health/group/upstream")));
        }

        cluster.startSimulator();
        Instant restarted = Instant.now();
        awaitTrue(Duration.ofSeconds(40), "every replica answers uncached reads again", () -> IntStream.rangeClosed(1, 3)
                .allMatch(replica -> !client.graphql(cluster.replica(replica), "cluster-hits-page",
                        Map.of("id", "456", "page", pages.incrementAndGet()), null).hasErrors()));
        awaitTrue(Duration.ofSeconds(20), "the upstream health group is UP on every replica", () -> IntStream.rangeClosed(1, 3)
                .allMatch(replica -> client.status(cluster.replica(replica).resolve("/q/health/group/upstream")) == 200));
        figures.put("upstream stopped for 30 s", rounds + " rounds over 3 replicas: always ready, cached reads answered"
                + " (stale-marked after their TTL), uncached ones UPSTREAM_UNAVAILABLE; all recovered "
                + Duration.between(restarted, Instant.now()).toSeconds() + " s after the simulator was back");
    }

    @Test
    @Order(6)
    void whileRedisIsDownReplicasServeWithinAConservativeShareAndShareStateAgainOnceItIsBack() {
        for (int replica = 1; replica <= 3; replica++) {
            assertAnsweredWithoutErrors(new Call(replica, client.graphql(cluster.replica(replica), "cluster-site",
                    Map.of("id", BOB_SITE), TestKeys.DEMO_BOB_READ)), "before Redis stops");
        }
        cluster.stopRedis();
        Spend outage = spend(List.of(1, 2, 3), () -> run(6, Duration.ofSeconds(20), List.of(1, 2, 3), (replica, n) -> n % 2 == 0
                ? client.graphql(replica, "cluster-site", Map.of("id", BOB_SITE), TestKeys.DEMO_BOB_READ)
                : client.graphql(replica, "cluster-hits-page", Map.of("id", BOB_SITE, "page", pages.incrementAndGet()),
                        TestKeys.DEMO_BOB_READ)));
        cluster.startRedis();
        long rateLimited = outage.calls().stream().filter(call -> "RATE_LIMITED".equals(call.answer().errorCode())).count();
        figures.put("Redis stopped for 20 s, cached and uncached reads over 3 replicas", outage.describe()
                + "; RATE_LIMITED answers " + rateLimited + " of " + outage.calls().size());

        for (Call call : outage.calls()) {
            assertEquals(200, call.answer().status(), "replica " + call.replica() + " answered " + call.answer().status()
                    + " while Redis was down: " + call.answer().body());
            String code = call.answer().errorCode();
            assertTrue(code == null || code.equals("RATE_LIMITED"), "replica " + call.replica()
                    + " failed a read while Redis was down: " + call.answer().body());
        }
        assertTrue(rateLimited > 0, "the workload never met the replicas' shares: this check would prove nothing");
        long share = (long) Math.ceil((double) LIMIT / cluster.replicas());
        outage.perReplica().forEach((replica, sent) -> assertTrue(sent <= share, "replica " + replica + " sent " + sent
                + " upstream requests while Redis was down; its conservative share is " + share));
        assertEquals(0, outage.throttled() + outage.simulatorThrottled(), "upstream answered 429");

        // Shared again: what replica 1 fetches now, replicas 2 and 3 find in Redis (Bob's other key: the outage may have
        // spent his read key's hour).
        awaitTrue(Duration.ofSeconds(30), "replicas 2 and 3 read what replica 1 cached after Redis came back", () -> {
            Map<String, Object> fresh = Map.of("id", BOB_SITE, "page", pages.incrementAndGet());
            if (client.graphql(cluster.replica(1), "cluster-hits-page", fresh, TestKeys.DEMO_BOB_FULL).hasErrors()) {
                return false;
            }
            double before = upstreamRequests(List.of(2, 3));
            boolean answered = List.of(2, 3).stream().noneMatch(replica -> client.graphql(cluster.replica(replica),
                    "cluster-hits-page", fresh, TestKeys.DEMO_BOB_FULL).hasErrors());
            return answered && upstreamRequests(List.of(2, 3)) == before;
        });
    }

    @Test
    @Order(7)
    void everyReplicaStayedWithinTheJvmFootprintOfItsPod() {
        for (int replica = 1; replica <= 3; replica++) {
            ManagedProcess process = cluster.replicaProcess(replica);
            long rss = process.memoryKiB("VmRSS").orElseThrow();
            long peak = process.memoryKiB("VmHWM").orElseThrow();
            figures.put("replica " + replica + " RSS now / peak (jvm.options, -XX:MaxRAM=" + cluster.replicaRamBytes() / (1024 * 1024)
                    + "m)", rss / 1024 + " / " + peak / 1024 + " MiB");
            assertTrue(peak <= RSS_TARGET_KIB, "replica " + replica + " peaked at " + peak / 1024 + " MiB RSS");
        }
    }

    @Test
    @Order(8)
    void killingAReplicaLeavesTheOthersServing() {
        for (int replica = 1; replica <= 3; replica++) {
            dashboard(replica);
        }
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        killer.schedule(() -> {
            cluster.kill(3);
            killedAt.set(System.nanoTime());
        }, 3, TimeUnit.SECONDS);
        List<Call> calls = run(3, Duration.ofSeconds(8), List.of(1, 2, 3), (replica, n) -> client.graphql(replica,
                "cluster-dashboard", Map.of(), null));
        killer.shutdownNow();
        assertFalse(cluster.replicaProcess(3).alive(), "replica 3 was not killed");

        List<Call> toOthers = calls.stream().filter(call -> call.replica() != 3).toList();
        toOthers.forEach(call -> assertAnsweredWithoutErrors(call, "with replica 3 killed"));
        long afterKill = toOthers.stream().filter(call -> call.startedNanos() > killedAt.get()).count();
        assertTrue(afterKill > 0, "no request reached replicas 1 and 2 after the kill");
        long lost = calls.stream().filter(call -> call.replica() == 3 && !call.answer().answered()).count();
        figures.put("kill -9 of replica 3 after 3 s of 8", toOthers.size() + " requests to replicas 1 and 2 all answered ("
                + afterKill + " after the kill); " + lost + " to replica 3 found nobody");
    }

    // ---------------------------------------------------------------- workload and measures

    /** One request of a workload, the replica (from 1) that got it and when it was sent. */
    record Call(int replica, Answer answer, long startedNanos) {

        Call(int replica, Answer answer) {
            this(replica, answer, System.nanoTime());
        }
    }

    /**
     * What a workload cost: upstream requests counted by the replicas (all statuses, and 429s), requests and 429s
     * counted by the simulator itself, per replica as well.
     */
    record Spend(List<Call> calls, double upstream, double throttled, double simulatorRequests, double simulatorThrottled,
            Map<Integer, Long> perReplica, long fallbacks) {

        String describe() {
            return String.format("%d requests, upstream %.0f (%s), upstream 429s %.0f; simulator received %.0f, answered 429 %.0f;"
                    + " switches to local fallback %d",
                    calls.size(), upstream, perReplica.entrySet().stream().map(e -> "replica " + e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", ")), throttled, simulatorRequests, simulatorThrottled, fallbacks);
        }
    }

    private interface Workload {
        List<Call> run();
    }

    private static Spend spend(List<Integer> replicas, Workload workload) {
        Map<Integer, Double> before = new LinkedHashMap<>();
        replicas.forEach(replica -> before.put(replica, upstreamRequests(List.of(replica))));
        double throttledBefore = upstreamThrottled(replicas);
        double simulatorBefore = simulatorRequests(false);
        double simulatorThrottledBefore = simulatorRequests(true);
        long fallbacksBefore = fallbacks(replicas);
        List<Call> calls = workload.run();
        Map<Integer, Long> perReplica = new LinkedHashMap<>();
        replicas.forEach(replica -> perReplica.put(replica,
                Math.round(upstreamRequests(List.of(replica)) - before.get(replica))));
        return new Spend(calls, perReplica.values().stream().mapToLong(Long::longValue).sum(),
                upstreamThrottled(replicas) - throttledBefore, simulatorRequests(false) - simulatorBefore,
                simulatorRequests(true) - simulatorThrottledBefore, perReplica, fallbacks(replicas) - fallbacksBefore);
    }

    /**
     * How often the replicas switched to their local fallback so far, as their logs say: under load on a small machine
     * a slow Redis command does that too, not only a stopped Redis.
     */
    private static long fallbacks(List<Integer> replicas) {
        return replicas.stream().mapToLong(replica -> cluster.replicaProcess(replica).logLines(REDIS_UNREACHABLE)).sum();
    }

    private static String fallbacks(Spend... spends) {
        long total = Arrays.stream(spends).mapToLong(Spend::fallbacks).sum();
        return total == 0 ? "" : " (during the workload replicas switched to their local fallback " + total
                + " times, Redis being slow or unreachable: see target/cluster/gateway-*.log)";
    }

    /**
     * {@code clients} threads, each sending {@code request} again and again for {@code duration}; each request goes to
     * the next of {@code replicas} round-robin, with a number unique in the whole run.
     */
    private static List<Call> run(int clients, Duration duration, List<Integer> replicas,
            BiFunction<URI, Long, Answer> request) {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    int replica = replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
                    long started = System.nanoTime();
                    Answer answer = request.apply(cluster.replica(replica), sequence.incrementAndGet());
                    calls.add(new Call(replica, answer, started));
                    if (!answer.answered()) {
                        ManagedProcess.pause(Duration.ofMillis(50));
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                fail("the workload's clients did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.copyOf(calls);
    }

    private static Answer bobsSite(int replica) {
        return client.graphql(cluster.replica(replica), "cluster-site", Map.of("id", BOB_SITE), TestKeys.DEMO_BOB_FULL);
    }

    private static Answer dashboard(int replica) {
        return client.graphql(cluster.replica(replica), "cluster-dashboard", Map.of(), null);
    }

    /** Upstream requests the replicas counted, whatever their outcome ({@code gateway_upstream_requests_total}). */
    private static double upstreamRequests(List<Integer> replicas) {
        return replicas.stream().mapToDouble(replica -> client.metric(cluster.replica(replica),
                "gateway_upstream_requests_total", labels -> true)).sum();
    }

    private static double upstreamThrottled(List<Integer> replicas) {
        return replicas.stream().mapToDouble(replica -> client.metric(cluster.replica(replica),
                "gateway_upstream_requests_total", labels -> labels.contains("status=\"429\""))).sum();
    }

    /** Requests the simulator itself served on its API (the keyless discovery route aside), or only its 429s. */
    private static double simulatorRequests(boolean onlyThrottled) {
        return client.metric(cluster.simulatorRoot(), "http_server_requests_seconds_count",
                labels -> labels.contains("uri=\"/simulator/api/v1/") && (!onlyThrottled || labels.contains("status=\"429\"")));
    }

    private static void assertAnsweredWithoutErrors(Call call, String when) {
        assertEquals(200, call.answer().status(), when + ": replica " + call.replica() + " answered " + call.answer().status());
        assertFalse(call.answer().hasErrors(), when + ": replica " + call.replica() + " answered " + call.answer().body());
    }

    private static List<String> paths(JsonNode kudos) {
        List<String> paths = new ArrayList<>();
        kudos.forEach(kudo -> paths.add(kudo.path("path").asText()));
        return paths;
    }

    private interface Condition {
        boolean holds();
    }

    private static void awaitTrue(Duration timeout, String what, Condition condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + timeout.toSeconds() + " s: " + what);
            }
            ManagedProcess.pause(Duration.ofMillis(500));
        }
    }
}
