import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak driver for the gateway (JDK 17 single-file program, run by bench/soak): sends a fixed number of mixed
 * GraphQL queries and mutations from a fixed number of concurrent clients and reports HTTP 5xx answers,
 * requests that hung past the bound, GraphQL error codes and latency percentiles.
 *
 * <p>Usage: {@code java bench/Soak.java <graphql-url> [requests=10000] [clients=32] [hang-ms=20000]}
 */
public class Soak {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:18686/graphql";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long hangMillis = args.length > 3 ? Long.parseLong(args[3]) : 20_000;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        LongAdder server5xx = new LongAdder();
        LongAdder hung = new LongAdder();
        LongAdder transportErrors = new LongAdder();

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < requests) {
                    String body = operation(n);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofMillis(hangMillis))
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long millis = (System.nanoTime() - t0) / 1_000_000;
                        latencies.add(millis);
                        if (response.statusCode() >= 500) {
                            server5xx.increment();
                        }
                        outcomes.computeIfAbsent(outcome(response), k -> new LongAdder()).increment();
                    } catch (java.net.http.HttpTimeoutException timeout) {
                        hung.increment();
                        latencies.add(hangMillis);
                    } catch (Exception e) {
                        transportErrors.increment();
                        outcomes.computeIfAbsent("transport " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("requests=%d clients=%d duration=%.1fs throughput=%.0f/s%n", requests, clients, seconds,
                requests / seconds);
        System.out.printf("gateway_5xx=%d hung_past_%dms=%d transport_errors=%d%n", server5xx.sum(), hangMillis,
                hung.sum(), transportErrors.sum());
        System.out.printf("latency_ms p50=%d p90=%d p99=%d max=%d%n", percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> System.out.printf("outcome %-40s %d%n", e.getKey(), e.getValue().sum()));
        System.exit(server5xx.sum() == 0 && hung.sum() == 0 && transportErrors.sum() == 0 ? 0 : 1);
    }

    /** Roughly 80% queries (several shapes, varied arguments so the cache does not answer all) and 20% mutations. */
    private static String operation(int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String site = List.of("456", "457", "458").get(random.nextInt(3));
        String start = LocalDate.now().minusDays(random.nextInt(1, 90)).toString();
        return switch (n % 10) {
            case 0, 1 -> json("{ sites { id label lifetimeHits } }", "{}");
            case 2 -> json("{ me { email isSubscribed } rateLimit { remaining } }", "{}");
            case 3, 4 -> json("query($id: ID!, $start: Date) { site(id: $id) { id hits(start: $start) { pageInfo { totalCount } } } }",
                    "{\"id\": \"" + site + "\", \"start\": \"" + start + "\"}");
            case 5 -> json("query($id: ID!, $start: Date) { site(id: $id) { kudos(start: $start) { pageInfo { totalCount } }"
                    + " leaderboard { entries { path totalHits } } } }", "{\"id\": \"" + site + "\", \"start\": \"" + start + "\"}");
            case 6 -> json("query($id: ID!) { site(id: $id) { uptime { __typename } content { __typename } insights { __typename } } }",
                    "{\"id\": \"" + site + "\"}");
            case 7 -> json("query($id: ID!, $page: Int) { site(id: $id) { hitGroups(groupBy: PATH, page: $page) { pageInfo { totalCount } } } }",
                    "{\"id\": \"" + site + "\", \"page\": " + random.nextInt(1, 4) + "}");
            case 8 -> json("mutation($id: ID!, $hit: HitInput!) { trackHit(siteId: $id, hit: $hit) { status } }",
                    "{\"id\": \"456\", \"hit\": {\"path\": \"/soak/" + random.nextInt(100) + "\"}}");
            default -> json("mutation($id: ID!, $kudo: KudoInput!) { giveKudo(siteId: $id, kudo: $kudo) { status } }",
                    "{\"id\": \"458\", \"kudo\": {\"path\": \"/soak/" + n + "\"}}");
        };
    }

    private static String json(String query, String variables) {
        return "{\"query\": \"" + query.replace("\"", "\\\"") + "\", \"variables\": " + variables + "}";
    }

    /** "data" for a clean answer, else the HTTP status and the first error code. */
    private static String outcome(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return "http " + response.statusCode();
        }
        Matcher code = CODE.matcher(response.body());
        if (response.body().contains("\"errors\"")) {
            return "graphql error " + (code.find() ? code.group(1) : "(no code)");
        }
        return "data";
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
