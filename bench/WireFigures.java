import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes on the wire for issue 16's transport means, measured in one run against the demo build (gateway and simulator
 * in one process, on loopback), over raw HTTP/1.1 sockets so that every byte sent and received is counted:
 * <ol>
 * <li>the README's dashboard answer with and without gzip, and a small answer that compression would make larger;</li>
 * <li>the request a client sends for the dashboard: the full document over POST (Apollo's HttpLink) against the hash
 * alone over GET or POST (Apollo's persisted-query link, urql's persisted exchange);</li>
 * <li>a frontend polling the dashboard over GET with a browser's HTTP cache (reuse while {@code max-age} lasts, then
 * {@code If-None-Match}) while a writer tracks hits: the share of its requests answered {@code 304}, and its bytes
 * against a client without an HTTP cache.</li>
 * </ol>
 * Usage: {@code java bench/WireFigures.java target/demo/quarkus-run.jar bench/results/wire.md} (bench/wire does it);
 * {@code WIRE_DEBUG=1} prints every poll's status, Cache-Control and ETag.
 */
public class WireFigures {

    static final String DASHBOARD = """
            query Dashboard {
              sites {
                id
                label
                url
                lifetimeHits
                topPaths: hitGroups(groupBy: PATH, perPage: 5) {
                  nodes { key count uniqueCount }
                }
                leaderboard(perPage: 5) {
                  entries { path totalHits percentage }
                  expiresAt
                }
                kudos(perPage: 5) {
                  nodes { path createdAt }
                  pageInfo { totalCount }
                }
              }
              rateLimit { remaining resetsAt }
            }
            """;
    /** The dashboard a poller should send: rateLimit is the caller's own and makes any answer uncacheable. */
    static final String POLLED = DASHBOARD.replace("  rateLimit { remaining resetsAt }\n", "").replace("Dashboard", "PolledDashboard");
    static final String SMALL = "query Label { site(id: \"456\") { label } }";
    /** A hit on the site's top path: the dashboard's topPaths count changes with every write. */
    static final String TRACK_HIT = "mutation { trackHit(siteId: \"456\", hit: {path: \"/\", country: \"PL\"}) { status } }";
    static final String ACCEPT = "application/graphql-response+json,application/json;q=0.9";

    /**
     * The polling scenario runs the gateway's clock {@value #CLOCK_RATE} times faster (its max-age is in real seconds):
     * default TTLs, a poll every 10 s and a write every 100 s of gateway time, for 10 minutes of it.
     */
    static final int CLOCK_RATE = 10;
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    static final Duration WRITE_EVERY = Duration.ofSeconds(10);
    static final Duration POLL_FOR = Duration.ofSeconds(60);

    record Exchange(int requestBytes, int responseBytes, int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String("gzip".equals(header("content-encoding")) ? gunzip(body) : body, StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/demo/quarkus-run.jar");
        Path report = Path.of(args.length > 1 ? args[1] : "bench/results/wire.md");
        int port = freePort();
        Path log = Files.createTempFile("wire-gateway", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString())).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("GATEWAY_CLOCK_RATE", Integer.toString(CLOCK_RATE));
        Process gateway = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::destroy));
        try {
            awaitReady(port, gateway, log);
            List<String[]> rows = new ArrayList<>();
            compression(port, rows);
            requests(port, rows);
            polling(port, rows);
            String table = table(rows);
            System.out.print(table);
            Files.createDirectories(report.getParent());
            Files.writeString(report, "# Bytes on the wire: compression, persisted queries, HTTP caching\n\n"
                    + "`bench/wire` on " + Instant.now() + " (" + Runtime.getRuntime().availableProcessors()
                    + " CPUs), demo build on loopback, raw HTTP/1.1 sockets: every byte counted, headers included.\n\n"
                    + table);
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    /** The dashboard's answer with and without gzip; a small answer is not worth it. */
    static void compression(int port, List<String[]> rows) throws IOException {
        try (Connection connection = new Connection(port)) {
            Exchange plain = connection.send(post(port, json(DASHBOARD, "Dashboard", null), false));
            Exchange gzipped = connection.send(post(port, json(DASHBOARD, "Dashboard", null), true));
            require(plain.status() == 200 && plain.text().contains("\"sites\""), "dashboard answered: " + plain.text());
            require("gzip".equals(gzipped.header("content-encoding")), "dashboard gzipped");
            // The same answer but for rateLimit, which the first request's upstream calls changed.
            require(withoutRateLimit(gzipped.text()).equals(withoutRateLimit(plain.text())), "the same answer gzipped");
            rows.add(new String[] {"README dashboard answer, bytes on the wire (headers + body)",
                    plain.responseBytes() + " plain (body " + plain.body().length + ")",
                    gzipped.responseBytes() + " gzip", ratio(gzipped.responseBytes(), plain.responseBytes())});

            Exchange small = connection.send(post(port, json(SMALL, "Label", null), true));
            require(small.header("content-encoding") == null, "a small answer is sent as it is");
            int gzippedSmall = gzip(small.body()).length;
            rows.add(new String[] {"small answer (`site { label }`): left uncompressed below 1 KiB",
                    small.body().length + " body bytes sent", gzippedSmall + " if gzipped", ratio(gzippedSmall, small.body().length)});
        }
    }

    /** What a client sends for the dashboard: the whole document, or its hash. */
    static void requests(int port, List<String[]> rows) throws Exception {
        String hash = sha256(DASHBOARD);
        try (Connection connection = new Connection(port)) {
            byte[] full = post(port, json(DASHBOARD, "Dashboard", null), true);
            byte[] hashedPost = post(port, json(null, "Dashboard", hash), true);
            byte[] hashedGet = get(port, "Dashboard", hash, null);
            Exchange miss = connection.send(hashedGet);
            require(miss.status() == 400 && miss.text().contains("PERSISTED_QUERY_NOT_FOUND"), "first hash unknown: " + miss.text());
            Exchange registered = connection.send(post(port, json(DASHBOARD, "Dashboard", hash), true));
            require(registered.status() == 200, "registered");
            Exchange byHash = connection.send(hashedGet);
            require(byHash.status() == 200 && byHash.text().contains("\"sites\""), "hash alone runs: " + byHash.text());
            rows.add(new String[] {"dashboard request: full document POST vs hash-only GET (APQ)",
                    full.length + " full", hashedGet.length + " hash GET", ratio(hashedGet.length, full.length)});
            rows.add(new String[] {"dashboard request: full document POST vs hash-only POST (APQ)",
                    full.length + " full", hashedPost.length + " hash POST", ratio(hashedPost.length, full.length)});
            rows.add(new String[] {"one-time cost of a new document (miss + registration) vs one full POST",
                    full.length + " full", (miss.requestBytes() + registered.requestBytes()) + " miss + register",
                    ratio(miss.requestBytes() + registered.requestBytes(), full.length)});
        }
    }

    /**
     * A frontend polling the dashboard with a browser's HTTP cache: it reuses its copy while {@code max-age} lasts and
     * revalidates with {@code If-None-Match} after; a writer tracks a hit every {@link #WRITE_EVERY}.
     */
    static void polling(int port, List<String[]> rows) throws Exception {
        String hash = sha256(POLLED);
        try (Connection poller = new Connection(port); Connection writer = new Connection(port)) {
            require(poller.send(post(port, json(POLLED, "PolledDashboard", hash), true)).status() == 200, "polled dashboard registered");
            Instant start = Instant.now();
            Instant nextWrite = start.plus(WRITE_EVERY);
            String etag = null;
            Instant freshUntil = Instant.MIN;
            int polls = 0;
            int sent = 0;
            int notModified = 0;
            int full = 0;
            long bytes = 0;
            long bytesWithoutCache = 0;
            while (Duration.between(start, Instant.now()).compareTo(POLL_FOR) < 0) {
                Instant now = Instant.now();
                if (!now.isBefore(nextWrite)) {
                    require(writer.send(post(port, json(TRACK_HIT, null, null), true)).status() == 200, "hit tracked");
                    nextWrite = nextWrite.plus(WRITE_EVERY);
                }
                polls++;
                if (now.isBefore(freshUntil)) {
                    Thread.sleep(POLL_EVERY.toMillis());
                    continue; // the browser answers from its cache: nothing on the wire
                }
                Exchange answer = poller.send(get(port, "PolledDashboard", hash, etag));
                sent++;
                bytes += answer.requestBytes() + answer.responseBytes();
                if (answer.status() == 304) {
                    notModified++;
                } else {
                    require(answer.status() == 200, "poll answered: " + answer.status());
                    full++;
                    etag = answer.header("etag");
                }
                String cacheControl = answer.header("cache-control");
                long maxAge = cacheControl != null && cacheControl.startsWith("private, max-age=")
                        ? Long.parseLong(cacheControl.substring("private, max-age=".length())) : 0;
                freshUntil = Instant.now().plusSeconds(maxAge);
                if (System.getenv("WIRE_DEBUG") != null) {
                    System.err.printf("%6d ms: %d %s %s%n", Duration.between(start, Instant.now()).toMillis(), answer.status(),
                            cacheControl, answer.header("etag"));
                }
                Thread.sleep(POLL_EVERY.toMillis());
            }
            // The same number of polls by a client without an HTTP cache: every poll a full answer.
            Exchange uncached = poller.send(get(port, "PolledDashboard", hash, null));
            bytesWithoutCache = (long) polls * (uncached.requestBytes() + uncached.responseBytes());
            rows.add(new String[] {"dashboard polled over GET with a browser cache: " + polls + " polls 10 s apart for 10 min"
                    + " (gateway time; clock ×" + CLOCK_RATE + "), default TTLs, a tracked hit every 100 s", sent + " requests sent (" + (polls - sent) + " from the browser cache)",
                    notModified + " × 304, " + full + " × 200", "304 rate " + percent(notModified, sent)});
            rows.add(new String[] {"polling client: bytes on the wire with the HTTP cache vs without",
                    bytesWithoutCache + " without", bytes + " with", ratio(bytes, bytesWithoutCache)});
        }
    }

    // ---------------------------------------------------------------- requests

    static String json(String query, String operationName, String hash) {
        StringBuilder body = new StringBuilder("{");
        if (operationName != null) {
            body.append("\"operationName\":").append(quote(operationName)).append(',');
        }
        body.append("\"variables\":{}");
        if (hash != null) {
            body.append(",\"extensions\":").append(extensions(hash));
        }
        if (query != null) {
            body.append(",\"query\":").append(quote(query));
        }
        return body.append('}').toString();
    }

    static String extensions(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    /** A POST as a browser's fetch sends it, with the headers every request here shares. */
    static byte[] post(int port, String body, boolean acceptGzip) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + ACCEPT + "\r\n"
                + (acceptGzip ? "Accept-Encoding: gzip\r\n" : "") + "Content-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.US_ASCII), bytes);
    }

    /** A hashed GET as Apollo's persisted-query link sends it with useGETForHashedQueries. */
    static byte[] get(int port, String operationName, String hash, String ifNoneMatch) {
        String target = "/graphql?operationName=" + encode(operationName) + "&variables=" + encode("{}") + "&extensions="
                + encode(extensions(hash));
        String head = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + ACCEPT
                + "\r\nAccept-Encoding: gzip\r\n" + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n") + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    // ---------------------------------------------------------------- a raw HTTP/1.1 connection

    /** One keep-alive HTTP/1.1 connection that counts the bytes each exchange puts on the wire. */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Exchange send(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            Counting counting = new Counting(in);
            String statusLine = counting.line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = counting.line(); !line.isEmpty(); line = counting.line()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (status == 304 || status == 204) {
                // no body
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(counting.line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(counting.line().split(";")[0].strip(), 16)) {
                    body.write(counting.bytes(size));
                    counting.line();
                }
                counting.line();
            } else {
                body.write(counting.bytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
            }
            return new Exchange(request.length, counting.count, status, headers, body.toByteArray());
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Reads lines and bytes off a stream and counts them. */
    static final class Counting {

        private final InputStream in;
        int count;

        Counting(InputStream in) {
            this.in = in;
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int next = in.read();
                if (next < 0) {
                    throw new IOException("connection closed mid-response");
                }
                count++;
                if (previous == '\r' && next == '\n') {
                    byte[] bytes = line.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
                }
                line.write(next);
                previous = next;
            }
        }

        byte[] bytes(int length) throws IOException {
            byte[] bytes = in.readNBytes(length);
            count += bytes.length;
            return bytes;
        }
    }

    // ---------------------------------------------------------------- helpers

    static void awaitReady(int port, Process gateway, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("The gateway exited; see " + log);
            }
            try (Connection connection = new Connection(port)) {
                if (connection.send(post(port, "{\"query\":\"{ __typename }\"}", false)).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("The gateway did not start; see " + log);
    }

    static String table(List<String[]> rows) {
        StringBuilder table = new StringBuilder("| what | baseline | with | ratio |\n| --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return table.toString();
    }

    static String withoutRateLimit(String answer) {
        return answer.replaceAll("\"rateLimit\":\\{[^}]*}", "");
    }

    static String ratio(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f×", (double) part / whole);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Failed: " + what);
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
