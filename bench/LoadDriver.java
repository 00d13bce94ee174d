import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <li>{@code live}: {@code --frontends} live dashboards over GraphQL over WebSocket (graphql-transport-ws on
 * {@code --url ws://…/graphql}), each one connection subscribing {@code siteUpdates(id, everySeconds)} with
 * {@code --selection} for every site of {@code --sites} (the dashboards open one after another over
 * {@code --open-over-ms}), then {@code --duration-ms} from when every subscription has had its first payload.
 * Fails on an {@code error} message, a payload with errors, a subscription the gateway completes, a close it did not
 * ask for, or a subscription without a first payload. Reports payloads and how old their data was when sent
 * ({@code extensions.cache.oldestFetchedAt} against the gateway's calibrated clock).</li>
 * </ul>
 * With {@code --probe-url} (the simulator's API) and {@code --probe-key}, {@code economy} and {@code live} also give a
 * kudo to one site after another straight at the API every {@code --probe-every-ms} (none in the last
 * {@code --probe-quiet-ms}), and time how long each frontend goes on showing the site's kudo count from before it:
 * the oldest data a frontend holds, measured from outside.
 */
public class LoadDriver {

    private static final Pattern OLDEST = Pattern.compile("\"oldestFetchedAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RESETS_AT = Pattern.compile("\"resetsAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FACTOR = Pattern.compile("\"freshnessFactor\"\\s*:\\s*([0-9.]+)");
    private static final Pattern TOTAL_COUNT = Pattern.compile("\"totalCount\"\\s*:\\s*(\\d+)");
    /** One dashboard site's alias ({@code s601}) and its kudos' totalCount, the last field of its selection. */
    private static final Pattern ALIAS_COUNT = Pattern.compile("\"s(\\d+)\"\\s*:\\s*\\{.*?\"totalCount\"\\s*:\\s*(\\d+)",
            Pattern.DOTALL);
    private static final Pattern MESSAGE_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

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
            System.err.println("usage: java bench/LoadDriver.java load|burst|economy|live --url URL [--body-file F] [--header 'K: V'] ...");
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
            case "live" -> driver.live();
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
        Long calibrated = gatewayTimeOfFirstRequest(option("url", null));
        if (calibrated == null) {
            reportFailures();
            return false;
        }
        long gatewayAtT0 = calibrated;
        ChangeProbe probe = ChangeProbe.of(this, frontends, rate);
        AtomicLong maxFactor = new AtomicLong(100);

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
            int frontend = f;
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
                        long receivedAt = System.currentTimeMillis();
                        if (probe != null) {
                            Matcher counts = ALIAS_COUNT.matcher(response.body());
                            while (counts.find()) {
                                probe.observed(frontend, counts.group(1), Long.parseLong(counts.group(2)), receivedAt);
                            }
                        }
                        Matcher factor = FACTOR.matcher(response.body());
                        if (factor.find()) {
                            maxFactor.accumulateAndGet(Math.round(Double.parseDouble(factor.group(1)) * 100), Math::max);
                        }
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
        if (probe != null) {
            probe.start(timer, durationMs);
        }
        timer.schedule(finished::countDown, durationMs, TimeUnit.MILLISECONDS);
        finished.await();
        timer.shutdownNow();
        for (int i = 0; i < 300 && inFlight.get() > 0; i++) {
            Thread.sleep(100);
        }
        long endedAt = System.currentTimeMillis();
        long target = frontends * (durationMs / intervalMs);
        long done = polls.get();
        print("polls", done, "target_polls", target, "skipped", skipped.get(), "errors", failures.size(),
                "stale_answers", stale.get(), "max_stale_age_s", fmt(maxStaleAgeMs.get() / 1000.0),
                "p50_stale_age_s", fmt(percentile(staleAges.stream().mapToLong(Long::longValue).sorted().toArray(), 50) / 1000.0),
                "first_stale_min", stale.get() == 0 ? "-" : fmt(firstStaleMs.get() / 60000.0),
                "mean_ms", fmt(done == 0 ? 0 : latencyTotalNs.get() / 1e6 / done),
                "simulated_min", fmt(durationMs * rate / 60000.0), "max_factor", fmt(maxFactor.get() / 100.0));
        if (probe != null) {
            probe.report(endedAt);
        }
        reportFailures();
        return failures.isEmpty() && done > 0;
    }

    /**
     * The gateway's time (its clock may run faster than real time) when the key's first upstream request of its budget
     * window was made: {@code rateLimit.resetsAt} minus an hour. Taken as the gateway's "now" when the driver sent the
     * request that caused it, which makes the ages measured against it an upper bound. Null (and a failure) if missing.
     */
    private Long gatewayTimeOfFirstRequest(String graphqlUrl) throws IOException, InterruptedException {
        String limit = post(graphqlUrl, "{\"query\":\"{ rateLimit { remaining resetsAt } }\"}");
        Matcher resets = RESETS_AT.matcher(limit);
        if (!resets.find()) {
            failures.add("rateLimit.resetsAt missing: " + abbreviate(limit));
            return null;
        }
        return Instant.parse(resets.group(1)).minus(Duration.ofHours(1)).toEpochMilli();
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        for (String header : options.getOrDefault("header", List.of())) {
            int colon = header.indexOf(':');
            builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        HttpRequest request = builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    // ------------------------------------------------------------------ live

    private boolean live() throws Exception {
        int frontends = Integer.parseInt(option("frontends", "100"));
        List<String> sites = sites(option("sites", null));
        int everySeconds = Integer.parseInt(option("every-seconds", "30"));
        long durationMs = Long.parseLong(option("duration-ms", "60000"));
        double rate = Double.parseDouble(option("rate", "1"));
        String document = "subscription($id: ID!) { siteUpdates(id: $id, everySeconds: " + everySeconds + ") { "
                + option("selection", "id label") + " } }";
        String authorization = null;
        for (String header : options.getOrDefault("header", List.of())) {
            int colon = header.indexOf(':');
            if (header.substring(0, colon).trim().equalsIgnoreCase("Authorization")) {
                authorization = header.substring(colon + 1).trim();
            }
        }
        ChangeProbe probe = ChangeProbe.of(this, frontends, rate);

        List<LiveFrontend> dashboards = new ArrayList<>();
        for (int f = 0; f < frontends; f++) {
            dashboards.add(new LiveFrontend(f, probe));
        }
        long connecting = System.currentTimeMillis();
        for (LiveFrontend dashboard : dashboards) {
            dashboard.connect(URI.create(option("url", null)), authorization);
        }
        for (LiveFrontend dashboard : dashboards) {
            if (!dashboard.awaitAck()) {
                reportFailures();
                return false;
            }
        }
        long connectedMs = System.currentTimeMillis() - connecting;

        // Dashboards open one after another over --open-over-ms, as people open them, not all in one millisecond.
        long subscribedAt = System.currentTimeMillis();
        long openOverMs = Long.parseLong(option("open-over-ms", "0"));
        for (int f = 0; f < frontends; f++) {
            Thread.sleep(Math.max(0, subscribedAt + openOverMs * f / frontends - System.currentTimeMillis()));
            for (String site : sites) {
                dashboards.get(f).subscribe("s" + site, document, site);
            }
        }
        boolean allFirst = true;
        for (LiveFrontend dashboard : dashboards) {
            allFirst &= dashboard.awaitFirstPayloads(subscribedAt + Math.max(30_000, durationMs));
        }
        long firstPayloadsMs = System.currentTimeMillis() - subscribedAt;
        Long gatewayAtSubscribe = optional("http-url") == null ? null : gatewayTimeOfFirstRequest(optional("http-url"));

        // The run lasts --duration-ms from when every subscription has its first payload, and so its reads' pollers:
        // a slower first evaluation (a hundred subscribers on a busy machine) must not cut a polling round out of the
        // window, or 1 and 100 subscribers would not be compared over the same rounds.
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
        long end = subscribedAt + firstPayloadsMs + durationMs;
        if (probe != null) {
            // Slow first payloads (a busy machine) must not leave the probe no time: it gets at least one kudo's worth.
            end = Math.max(end, System.currentTimeMillis() + probe.minimumRunMs());
            probe.start(timer, end - System.currentTimeMillis());
        }
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
        }
        timer.shutdownNow();
        long endedAt = System.currentTimeMillis();
        for (LiveFrontend dashboard : dashboards) {
            dashboard.leave();
        }
        for (LiveFrontend dashboard : dashboards) {
            dashboard.awaitClosed();
        }

        long payloads = dashboards.stream().mapToLong(d -> d.payloads.get()).sum();
        long stale = dashboards.stream().mapToLong(d -> d.stalePayloads.get()).sum();
        double maxFactor = dashboards.stream().mapToDouble(d -> d.maxFactor).max().orElse(1);
        double maxSentAgeS = 0;
        if (gatewayAtSubscribe != null) {
            for (LiveFrontend dashboard : dashboards) {
                for (long[] sent : dashboard.sent) {
                    long gatewayNow = gatewayAtSubscribe + (long) ((sent[0] - subscribedAt) * rate);
                    maxSentAgeS = Math.max(maxSentAgeS, (gatewayNow - sent[1]) / 1000.0);
                }
            }
        }
        print("frontends", frontends, "subscriptions", frontends * sites.size(), "payloads", payloads,
                "errors", failures.size(), "connect_ms", connectedMs, "first_payloads_ms", firstPayloadsMs,
                "max_sent_age_s", gatewayAtSubscribe == null ? "-" : fmt(maxSentAgeS), "stale_payloads", stale,
                "max_factor", fmt(maxFactor), "simulated_min", fmt((endedAt - subscribedAt) * rate / 60000.0));
        if (probe != null) {
            probe.report(endedAt);
        }
        reportFailures();
        return failures.isEmpty() && allFirst;
    }

    /** {@code 601-610} or {@code 601,605}: the dashboard's site ids. */
    private static List<String> sites(String spec) {
        List<String> sites = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] range = part.trim().split("-");
            long from = Long.parseLong(range[0]);
            long to = range.length > 1 ? Long.parseLong(range[1]) : from;
            for (long id = from; id <= to; id++) {
                sites.add(Long.toString(id));
            }
        }
        return sites;
    }

    /**
     * One live dashboard: a graphql-transport-ws connection with one subscription per site. Everything the gateway may
     * not do (an {@code error} message, a payload with errors, completing a subscription, closing the connection) is a
     * failure of the run.
     */
    private final class LiveFrontend implements WebSocket.Listener {

        private final int index;
        private final ChangeProbe probe;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> acked = new CompletableFuture<>();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final Map<String, CompletableFuture<Void>> firstPayloads = new ConcurrentHashMap<>();
        private final Map<String, String> siteOf = new ConcurrentHashMap<>();
        private final AtomicLong payloads = new AtomicLong();
        private final AtomicLong stalePayloads = new AtomicLong();
        /** Per payload: when it arrived (real ms) and its oldestFetchedAt (gateway ms). */
        private final ConcurrentLinkedQueue<long[]> sent = new ConcurrentLinkedQueue<>();
        private volatile double maxFactor = 1;
        private volatile boolean leaving;
        private WebSocket socket;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        LiveFrontend(int index, ChangeProbe probe) {
            this.index = index;
            this.probe = probe;
        }

        void connect(URI endpoint, String authorization) {
            client.newWebSocketBuilder().subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(endpoint, this)
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            fail("could not connect: " + error);
                            acked.complete(null);
                            closed.complete(null);
                            return;
                        }
                        socket = ws;
                        send(authorization == null ? "{\"type\":\"connection_init\"}"
                                : "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":" + quote(authorization) + "}}");
                    });
        }

        boolean awaitAck() throws InterruptedException {
            try {
                acked.get(30, TimeUnit.SECONDS);
                return socket != null && !closed.isDone();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                fail("no connection_ack within 30 s");
                return false;
            }
        }

        void subscribe(String id, String document, String site) {
            siteOf.put(id, site);
            firstPayloads.put(id, new CompletableFuture<>());
            send("{\"id\":" + quote(id) + ",\"type\":\"subscribe\",\"payload\":{\"query\":" + quote(document)
                    + ",\"variables\":{\"id\":" + quote(site) + "}}}");
        }

        boolean awaitFirstPayloads(long deadlineMillis) throws InterruptedException {
            for (Map.Entry<String, CompletableFuture<Void>> first : firstPayloads.entrySet()) {
                try {
                    first.getValue().get(Math.max(1, deadlineMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    fail("no first payload for subscription " + first.getKey());
                    return false;
                }
            }
            return true;
        }

        /** Completes every subscription and closes the connection, as a browser tab that goes away. */
        void leave() {
            leaving = true;
            if (socket == null || closed.isDone()) {
                return;
            }
            for (String id : siteOf.keySet()) {
                send("{\"id\":" + quote(id) + ",\"type\":\"complete\"}");
            }
            synchronized (this) {
                sending = sending.thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            }
        }

        void awaitClosed() throws InterruptedException {
            try {
                closed.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // The gateway did not echo the close in time: nothing more to learn from this connection.
                socket.abort();
            }
        }

        private synchronized void send(String text) {
            // The JDK's WebSocket takes one message at a time: each send waits for the one before it.
            sending = sending.thenCompose(ignored -> socket.sendText(text, true)).exceptionally(error -> {
                if (!leaving) {
                    fail("a send failed: " + error);
                }
                return null;
            });
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    received(message);
                } catch (RuntimeException e) {
                    fail("could not read " + abbreviate(message) + ": " + e);
                }
            }
            webSocket.request(1);
            return null;
        }

        private void received(String message) {
            Matcher type = MESSAGE_TYPE.matcher(message);
            Matcher id = MESSAGE_ID.matcher(message);
            String kind = type.find() ? type.group(1) : "?";
            String operation = id.find() ? id.group(1) : null;
            switch (kind) {
                case "connection_ack" -> acked.complete(null);
                case "ping" -> send("{\"type\":\"pong\"}");
                case "pong" -> {
                }
                case "next" -> next(operation, message);
                case "error" -> fail("error message for " + operation + ": " + abbreviate(message));
                case "complete" -> {
                    if (!leaving) {
                        fail("the gateway completed subscription " + operation);
                    }
                }
                default -> fail("unexpected message " + abbreviate(message));
            }
        }

        private void next(String operation, String message) {
            long receivedAt = System.currentTimeMillis();
            payloads.incrementAndGet();
            if (message.contains("\"errors\"")) {
                fail("a payload with errors: " + abbreviate(message));
            }
            Matcher oldest = OLDEST.matcher(message);
            if (oldest.find()) {
                sent.add(new long[] {receivedAt, Instant.parse(oldest.group(1)).toEpochMilli()});
            }
            if (message.contains("\"stale\":true")) {
                stalePayloads.incrementAndGet();
            }
            Matcher factor = FACTOR.matcher(message);
            if (factor.find()) {
                maxFactor = Math.max(maxFactor, Double.parseDouble(factor.group(1)));
            }
            Matcher count = TOTAL_COUNT.matcher(message);
            if (probe != null && count.find()) {
                probe.observed(index, siteOf.get(operation), Long.parseLong(count.group(1)), receivedAt);
            }
            CompletableFuture<Void> first = operation == null ? null : firstPayloads.get(operation);
            if (first != null) {
                first.complete(null);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!leaving) {
                fail("the gateway closed the connection: " + statusCode + " " + reason);
            }
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!leaving) {
                fail("the connection failed: " + error);
            }
            acked.complete(null);
            closed.complete(null);
        }

        private void fail(String what) {
            failures.add("live frontend " + index + ": " + what);
        }
    }

    /**
     * Changes a dashboard's data upstream and times how long frontends go on showing the data from before: every
     * {@code --probe-every-ms} it gives a kudo to the next site, straight at the API with {@code --probe-key} (the
     * gateway does not hear of it), and each frontend reports the kudo counts it shows. A kudo "reached" a frontend
     * when it first showed a count that includes it; until then that frontend held data older than the kudo. Times are
     * real milliseconds, reported in the clocks' (simulated) seconds.
     */
    private static final class ChangeProbe {

        /** By default writes stop this long (simulated) before the end, so a late kudo can still reach everyone. */
        private static final long QUIET_END_SIMULATED_MS = 5 * 60_000;

        private final LoadDriver driver;
        private final String apiUrl;
        private final String key;
        private final long everyMs;
        private final long quietEndMs;
        private final int frontends;
        private final double rate;
        private final Map<String, Long> baseline = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> writesPerSite = new ConcurrentHashMap<>();
        private final List<Write> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();

        /** One kudo: its site, how many kudos the probe gave that site before it, when it was sent, who saw it when. */
        private record Write(String site, int ordinal, long sentAt, long[] seenAt) {
        }

        private ChangeProbe(LoadDriver driver, String apiUrl, String key, long everyMs, long quietEndMs, int frontends,
                double rate) {
            this.driver = driver;
            this.apiUrl = apiUrl;
            this.key = key;
            this.everyMs = everyMs;
            this.quietEndMs = quietEndMs;
            this.frontends = frontends;
            this.rate = rate;
        }

        /** The probe the options ask for, or null. */
        static ChangeProbe of(LoadDriver driver, int frontends, double rate) {
            String url = driver.optional("probe-url");
            return url == null ? null : new ChangeProbe(driver, url, driver.option("probe-key", null),
                    Long.parseLong(driver.option("probe-every-ms", "2000")),
                    Long.parseLong(driver.option("probe-quiet-ms", Long.toString((long) (QUIET_END_SIMULATED_MS / rate)))),
                    frontends, rate);
        }

        /** The shortest run that gives one kudo and the quiet end after it. */
        long minimumRunMs() {
            return everyMs + quietEndMs;
        }

        /** Gives kudos from now on, and none in the run's last {@code --probe-quiet-ms} (real ms). */
        void start(ScheduledExecutorService timer, long remainingMs) {
            long stopAt = System.currentTimeMillis() + remainingMs - quietEndMs;
            timer.scheduleWithFixedDelay(() -> {
                if (System.currentTimeMillis() < stopAt) {
                    give();
                }
            }, everyMs / 2, everyMs, TimeUnit.MILLISECONDS);
        }

        /** Frontend {@code frontend} shows {@code count} kudos for {@code site} at {@code atMillis}. */
        synchronized void observed(int frontend, String site, long count, long atMillis) {
            if (site == null) {
                return;
            }
            long before = baseline.computeIfAbsent(site, s -> count);
            for (Write write : writes) {
                if (write.site.equals(site) && write.ordinal < count - before && write.seenAt[frontend] == 0) {
                    write.seenAt[frontend] = atMillis;
                }
            }
        }

        private void give() {
            List<String> known = new ArrayList<>(baseline.keySet());
            if (known.isEmpty()) {
                return; // no frontend showed a count yet: nothing to measure against
            }
            known.sort(null);
            String site = known.get(Math.floorMod(next.getAndIncrement(), known.size()));
            Write write;
            synchronized (this) {
                write = new Write(site, writesPerSite.computeIfAbsent(site, s -> new AtomicInteger()).getAndIncrement(),
                        System.currentTimeMillis(), new long[frontends]);
                writes.add(write);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/sites/" + site + "/kudos"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"/probe\"}")).build();
            try {
                HttpResponse<String> response = driver.client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    driver.failures.add("probe: a kudo for site " + site + " got HTTP " + response.statusCode() + ": "
                            + abbreviate(response.body()));
                }
            } catch (IOException e) {
                driver.failures.add("probe: a kudo for site " + site + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Prints how many kudos were given, how long after its kudo the last frontend showed it (worst and median over
         * kudos), and how many (kudo, frontend) pairs never showed it before {@code endedAt}: those count with the
         * time they waited, a lower bound.
         */
        void report(long endedAt) {
            long unseen = 0;
            List<Long> reachedAll = new ArrayList<>();
            for (Write write : writes) {
                long last = 0;
                for (long seen : write.seenAt) {
                    if (seen == 0) {
                        unseen++;
                        last = Math.max(last, endedAt - write.sentAt);
                    } else {
                        last = Math.max(last, seen - write.sentAt);
                    }
                }
                reachedAll.add(last);
            }
            long[] sorted = reachedAll.stream().mapToLong(Long::longValue).sorted().toArray();
            print("probe_kudos", writes.size(), "probe_unseen", unseen,
                    "probe_max_lag_s", fmt(sorted.length == 0 ? 0 : sorted[sorted.length - 1] * rate / 1000.0),
                    "probe_p50_lag_s", fmt(percentile(sorted, 50) * rate / 1000.0));
            if (writes.isEmpty()) {
                driver.failures.add("probe: no kudo was given (no frontend showed a kudo count)");
            }
        }
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
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

    /** The option's value, or null when it was not given. */
    private String optional(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
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
