import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's load driver (JDK 17 single-file program, run by bench/run as
 * {@code java bench/LoadDriver.java <mode> --option value ...}). Prints one line of {@code key=value}
 * pairs that bench/run turns into a table row; exits 1 when a response was wrong.
 *
 * <ul>
 * <li>{@code load}: closed-loop requests from {@code --concurrency} threads for {@code --duration-ms} or
 * {@code --requests}; {@code {n}} in the URL or body is replaced by a per-request sequence number so that
 * arguments can differ per request (defeats the gateway's cache and coalescing). Reports p50/p99 latency
 * (from the sorted array of all samples) and requests per second.</li>
 * <li>{@code burst}: {@code --burst} requests at once, timed to the last answer: a fan-out's physical limit.</li>
 * <li>{@code economy}: {@code --frontends} pollers each posting the body every {@code --interval-ms}
 * (random phase) for {@code --duration-ms}; reports polls, errors, answers carrying the gateway's stale
 * notice and the oldest stale data served in simulated seconds (the gateway clock runs {@code --rate}
 * times real time; its "now" is calibrated from {@code rateLimit.resetsAt} after the first request).</li>
 * </ul>
 */
public class LoadDriver {

    private static final Pattern OLDEST = Pattern.compile("\"oldestFetchedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RESETS_AT = Pattern.compile("\"resetsAt\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, List<String>> options;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sequence;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    LoadDriver(Map<String, List<String>> options) {
        this.options = options;
        this.sequence = new AtomicLong(Long.parseLong(option("start", "1")));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java bench/LoadDriver.java load|burst|economy --url URL [--body-file F] [--header 'K: V'] ...");
            System.exit(2);
        }
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value at " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        LoadDriver driver = new LoadDriver(options);
        boolean ok = switch (args[0]) {
            case "load" -> driver.load();
            case "economy" -> driver.economy();
            case "burst" -> driver.burst();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(ok ? 0 : 1);
    }

    // ------------------------------------------------------------------ load

    private boolean load() throws Exception {
        int concurrency = Integer.parseInt(option("concurrency", "1"));
        long durationMs = Long.parseLong(option("duration-ms", "0"));
        long requests = Long.parseLong(option("requests", "0"));
        long warmupMs = Long.parseLong(option("warmup-ms", "0"));
        if (warmupMs > 0) {
            // Warm the JIT of every process on the path (gateway, upstream, driver) before measuring.
            loop(Integer.parseInt(option("warmup-concurrency", "4")), warmupMs, Long.MAX_VALUE);
        }
        long started = System.nanoTime();
        long[] all = loop(concurrency, durationMs, requests > 0 ? requests : Long.MAX_VALUE);
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = all.length;
        print("n", total, "errors", failures.size(), "rps", fmt(total / seconds),
                "p50_ms", fmt(percentile(all, 50) / 1e6), "p99_ms", fmt(percentile(all, 99) / 1e6),
                "max_ms", fmt(total == 0 ? 0 : all[total - 1] / 1e6), "seconds", fmt(seconds));
        reportFailures();
        return failures.isEmpty() && total > 0;
    }

    /** Closed loop: each thread sends its next request when the previous one is answered. Sorted latencies, ns. */
    private long[] loop(int concurrency, long durationMs, long requests) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(requests);
        long deadline = durationMs > 0 ? System.nanoTime() + durationMs * 1_000_000 : Long.MAX_VALUE;
        long[][] samples = new long[concurrency][];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    while (System.nanoTime() < deadline && remaining.getAndDecrement() > 0) {
                        long begin = System.nanoTime();
                        send();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - begin;
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                } finally {
                    samples[me] = mine;
                    counts[me] = n;
                    done.countDown();
                }
            }, "driver-" + t);
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < concurrency; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return all;
    }

    // ------------------------------------------------------------------ burst

    /**
     * The physical limit of a fan-out: {@code --burst} requests sent at once (distinct {@code {n}}), timed until
     * the last answer, {@code --requests} times. Reports p50/max of that wall time.
     */
    private boolean burst() throws Exception {
        int burst = Integer.parseInt(option("burst", "1"));
        int rounds = Integer.parseInt(option("requests", "10"));
        int warmup = Integer.parseInt(option("warmup", "2"));
        long[] walls = new long[rounds];
        for (int r = -warmup; r < rounds; r++) {
            long begin = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                answers.add(client.sendAsync(request(sequence.getAndIncrement()), HttpResponse.BodyHandlers.ofString()));
            }
            for (var answer : answers) {
                check(answer.get());
            }
            if (r >= 0) {
                walls[r] = System.nanoTime() - begin;
            }
        }
        Arrays.sort(walls);
        print("n", rounds, "errors", failures.size(), "p50_ms", fmt(percentile(walls, 50) / 1e6),
                "max_ms", fmt(walls[rounds - 1] / 1e6));
        reportFailures();
        return failures.isEmpty();
    }

    /** One request; a wrong answer is recorded, not thrown, so the run goes on and reports it. */
    private String send() throws IOException, InterruptedException {
        long n = sequence.getAndIncrement();
        HttpResponse<String> response = client.send(request(n), HttpResponse.BodyHandlers.ofString());
        check(response);
        return response.body();
    }

    private HttpRequest request(long n) throws IOException {
        String url = option("url", null).replace("{n}", Long.toString(n));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        for (String header : options.getOrDefault("header", List.of())) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String bodyFile = option("body-file", null);
        if (bodyFile == null) {
            return builder.GET().build();
        }
        String body = bodyTemplate(bodyFile).replace("{n}", Long.toString(n));
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private volatile String bodyTemplate;

    private String bodyTemplate(String file) throws IOException {
        String template = bodyTemplate;
        if (template == null) {
            template = Files.readString(Path.of(file));
            bodyTemplate = template;
        }
        return template;
    }

    private void check(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200) {
            failures.add("HTTP " + response.statusCode() + ": " + abbreviate(body));
        } else if (option("body-file", null) != null && (!body.contains("\"data\"") || body.contains("\"errors\""))) {
            failures.add("GraphQL errors: " + abbreviate(body));
        }
    }

    // ------------------------------------------------------------------ economy

    private boolean economy() throws Exception {
        int frontends = Integer.parseInt(option("frontends", "100"));
        long intervalMs = Long.parseLong(option("interval-ms", "167"));
        long durationMs = Long.parseLong(option("duration-ms", "60000"));
        double rate = Double.parseDouble(option("rate", "60"));

        // Calibrate the gateway's clock: the first dashboard's first upstream request starts its budget window,
        // which rateLimit.resetsAt then reports one (simulated) hour later.
        long t0 = System.currentTimeMillis();
        send();
        String limit = post("{\"query\":\"{ rateLimit { remaining resetsAt } }\"}");
        Matcher resets = RESETS_AT.matcher(limit);
        if (!resets.find()) {
            failures.add("rateLimit.resetsAt missing: " + abbreviate(limit));
            reportFailures();
            return false;
        }
        long gatewayAtT0 = Instant.parse(resets.group(1)).minus(Duration.ofHours(1)).toEpochMilli();

        AtomicLong polls = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicLong maxStaleAgeMs = new AtomicLong();
        AtomicLong firstStaleMs = new AtomicLong(Long.MAX_VALUE);
        ConcurrentLinkedQueue<Long> staleAges = new ConcurrentLinkedQueue<>();
        AtomicLong skipped = new AtomicLong();
        AtomicLong latencyTotalNs = new AtomicLong();
        long end = System.currentTimeMillis() + durationMs;
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong inFlight = new AtomicLong();
        for (int f = 0; f < frontends; f++) {
            AtomicBoolean busy = new AtomicBoolean();
            long phase = ThreadLocalRandom.current().nextLong(intervalMs);
            timer.scheduleAtFixedRate(() -> {
                if (System.currentTimeMillis() >= end) {
                    return;
                }
                if (!busy.compareAndSet(false, true)) {
                    // The frontend's previous poll has not come back yet: a browser would not stack them either.
                    skipped.incrementAndGet();
                    return;
                }
                long sentAt = System.currentTimeMillis();
                long begin = System.nanoTime();
                HttpRequest request;
                try {
                    request = request(sequence.getAndIncrement());
                } catch (IOException e) {
                    failures.add(e.toString());
                    busy.set(false);
                    return;
                }
                inFlight.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                    try {
                        latencyTotalNs.addAndGet(System.nanoTime() - begin);
                        polls.incrementAndGet();
                        if (error != null) {
                            failures.add(error.toString());
                            return;
                        }
                        check(response);
                        Matcher oldest = OLDEST.matcher(response.body());
                        if (oldest.find()) {
                            stale.incrementAndGet();
                            long gatewayNow = gatewayAtT0 + (long) ((sentAt - t0) * rate);
                            long age = gatewayNow - Instant.parse(oldest.group(1)).toEpochMilli();
                            maxStaleAgeMs.accumulateAndGet(age, Math::max);
                            staleAges.add(age);
                            firstStaleMs.accumulateAndGet((long) ((sentAt - t0) * rate), Math::min);
                        }
                    } finally {
                        inFlight.decrementAndGet();
                        busy.set(false);
                    }
                });
            }, phase, intervalMs, TimeUnit.MILLISECONDS);
        }
        timer.schedule(finished::countDown, durationMs, TimeUnit.MILLISECONDS);
        finished.await();
        timer.shutdownNow();
        for (int i = 0; i < 300 && inFlight.get() > 0; i++) {
            Thread.sleep(100);
        }
        long target = frontends * (durationMs / intervalMs);
        long done = polls.get();
        print("polls", done, "target_polls", target, "skipped", skipped.get(), "errors", failures.size(),
                "stale_answers", stale.get(), "max_stale_age_s", fmt(maxStaleAgeMs.get() / 1000.0),
                "p50_stale_age_s", fmt(percentile(staleAges.stream().mapToLong(Long::longValue).sorted().toArray(), 50) / 1000.0),
                "first_stale_min", stale.get() == 0 ? "-" : fmt(firstStaleMs.get() / 60000.0),
                "mean_ms", fmt(done == 0 ? 0 : latencyTotalNs.get() / 1e6 / done),
                "simulated_min", fmt(durationMs * rate / 60000.0));
        reportFailures();
        return failures.isEmpty() && done > 0;
    }

    private String post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(option("url", null)));
        for (String header : options.getOrDefault("header", List.of())) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    // ------------------------------------------------------------------ helpers

    private String option(String name, String fallback) {
        List<String> values = options.get(name);
        if (values == null) {
            if (fallback == null && !"body-file".equals(name)) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return fallback;
        }
        return values.get(values.size() - 1);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void reportFailures() {
        failures.stream().distinct().limit(3).forEach(f -> System.err.println("LoadDriver: " + f));
    }

    private static void print(Object... pairs) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            line.append(i == 0 ? "" : " ").append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        System.out.println(line);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
