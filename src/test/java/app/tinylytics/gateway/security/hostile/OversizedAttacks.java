package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.transport.GraphQLWebSocket;
import app.tinylytics.gateway.transport.RawRequest;

/**
 * Requests too large to take: a long request line, large or many headers, a body over the limit (declared, sent, or
 * chunked) and an oversized WebSocket message. Each is refused by size before anything runs, over HTTP with a
 * GraphQL-shaped 414, 431 or 413 (beyond Vert.x's own limits, its bare status), over WebSocket with close 1009.
 */
abstract class OversizedAttacks {

    private static final String QUERY = "{ me { email } }";
    /** The body limit of the production defaults (GATEWAY_MAX_BODY_SIZE=2M). */
    private static final int MAX_BODY = 2 * 1024 * 1024;
    /** About what 100 MiB of spaces gzip to. */
    private static final int GZIP_BOMB_KIB = gzipBomb().length / 1024;
    private static final byte[] QUERY_JSON = ("{\"query\": \"" + QUERY + "\"}").getBytes(StandardCharsets.UTF_8);

    /** What the gateway must answer: a status, and the code of the GraphQL-shaped body (null: Vert.x's bare answer). */
    record Expected(int status, String code) {
    }

    @Test
    void oversizedRequestsAreRefusedBySizeBeforeAnythingRuns() {
        Deployment gateway = Deployments.jwt();
        Attacker alice = gateway.forwarding(SuiteKeys.ALICE);
        gateway.upstream().forgetCalls();
        String get = "/graphql?query=%7B%20me%20%7B%20email%20%7D%20%7D&pad=";
        Map<String, Supplier<RawRequest>> requests = new LinkedHashMap<>();
        Map<String, Expected> expected = new LinkedHashMap<>();
        add(requests, expected, "a 5000-character request line", () -> RawRequest.get(get + "x".repeat(5000)),
                new Expected(414, "URI_TOO_LONG"));
        add(requests, expected, "a 20 000-character request line", () -> RawRequest.get(get + "x".repeat(20_000)),
                new Expected(414, null));
        add(requests, expected, "one 25 KiB header", () -> query().header("X-Padding", "x".repeat(25 * 1024)),
                new Expected(431, "REQUEST_HEADER_FIELDS_TOO_LARGE"));
        add(requests, expected, "800 small headers (28 KiB)", () -> manyHeaders(800),
                new Expected(431, "REQUEST_HEADER_FIELDS_TOO_LARGE"));
        add(requests, expected, "one 70 KiB header", () -> query().header("X-Padding", "x".repeat(70 * 1024)),
                new Expected(431, null));
        add(requests, expected, "a body of 2 MiB + 1 byte", () -> RawRequest.postJson(bodyOf(MAX_BODY + 1)),
                new Expected(413, "REQUEST_TOO_LARGE"));
        add(requests, expected, "a declared Content-Length of 3 GB", () -> RawRequest.postJson(QUERY_JSON).contentLength("3000000000"),
                new Expected(413, "REQUEST_TOO_LARGE"));
        add(requests, expected, "a chunked body of 3 MiB", OversizedAttacks::chunkedBody, new Expected(413, "REQUEST_TOO_LARGE"));
        add(requests, expected, "a gzip body of " + GZIP_BOMB_KIB + " KiB inflating to 100 MiB (Content-Encoding: gzip)",
                () -> RawRequest.postJson(gzipBomb()).header("Content-Encoding", "gzip"), new Expected(415, "UNSUPPORTED_MEDIA_TYPE"));
        List<String> details = new ArrayList<>();

        for (Map.Entry<String, Supplier<RawRequest>> request : requests.entrySet()) {
            Expected wanted = expected.get(request.getKey());
            Answer answer = alice.send(request.getValue().get());
            assertEquals(wanted.status(), answer.status(), () -> request.getKey() + ": " + answer);
            assertEquals(wanted.code(), answer.code(), () -> request.getKey() + ": " + answer);
            details.add(request.getKey() + ": " + answer.status() + (answer.code() == null ? " (Vert.x, no body)" : " " + answer.code()));
        }

        String bigMessage = "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + QUERY + "\",\"pad\":\""
                + "x".repeat(MAX_BODY) + "\"}}";
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            socket.init(Map.of("Authorization", "Bearer " + SuiteKeys.ALICE));
            socket.sendText(bigMessage);
            GraphQLWebSocket.Closed closed = socket.awaitClose();
            assertEquals(1009, closed.code(), closed::toString);
            details.add("a WebSocket message of 2 MiB + " + (bigMessage.length() - MAX_BODY) + " bytes: closed " + closed.code());
        }
        try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            socket.init(Map.of("Authorization", "Bearer " + SuiteKeys.ALICE));
            int half = bigMessage.length() / 2;
            socket.sendFragmented(bigMessage.substring(0, half), bigMessage.substring(half));
            GraphQLWebSocket.Closed closed = socket.awaitClose();
            assertEquals(1009, closed.code(), closed::toString);
            details.add("the same message in two frames: closed " + closed.code());
        }
        assertEquals(List.of(), CachePoisoningAttacks.urls(gateway.upstream().calls()), "oversized requests must cost no upstream call");
        assertTrue(details.size() == requests.size() + 2);

        AttackReport.measured(Attack.OVERSIZED, requests.size() + " over HTTP: 414 ×2, 431 ×3, 413 ×3 (GraphQL-shaped"
                + " but for the two beyond Vert.x's own limits), the gzip bomb 415 uninflated; 2 over WebSocket: closed 1009;"
                + " 0 upstream calls", details);
    }

    /** JSON that inflates to 100 MiB (the query, then spaces), gzipped. */
    private static byte[] gzipBomb() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(("{\"query\": \"" + QUERY + "\"").getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                gzip.write(spaces);
            }
            gzip.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static void add(Map<String, Supplier<RawRequest>> requests, Map<String, Expected> expected, String name,
            Supplier<RawRequest> request, Expected answer) {
        requests.put(name, request);
        expected.put(name, answer);
    }

    private static RawRequest query() {
        return RawRequest.postJson(QUERY_JSON);
    }

    private static RawRequest manyHeaders(int count) {
        RawRequest request = query();
        for (int i = 0; i < count; i++) {
            request.header("X-Padding-" + i, "x".repeat(20));
        }
        return request;
    }

    /** A valid request body of {@code size} bytes: the query and a padding member. */
    private static byte[] bodyOf(int size) {
        String start = "{\"query\": \"" + QUERY + "\", \"pad\": \"";
        String end = "\"}";
        return (start + "x".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.UTF_8);
    }

    private static RawRequest chunkedBody() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + SuiteKeys.ALICE + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = bodyOf(3 * 1024 * 1024);
        int chunk = 64 * 1024;
        for (int at = 0; at < body.length; at += chunk) {
            int size = Math.min(chunk, body.length - at);
            bytes.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            bytes.write(body, at, size);
            bytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        bytes.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return RawRequest.verbatim("POST", bytes.toByteArray());
    }
}
