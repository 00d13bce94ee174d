package app.tinylytics.gateway.transport;

import static app.tinylytics.gateway.transport.Cases.body;
import static app.tinylytics.gateway.transport.Cases.bytes;
import static app.tinylytics.gateway.transport.Cases.chunked;
import static app.tinylytics.gateway.transport.Cases.insert;
import static app.tinylytics.gateway.transport.Cases.utf8;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * One named case per defect the malformed-request suite found in the HTTP transport, each answered exactly as it
 * should be now, with nothing executed and no upstream call.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class MalformedRequestRegressionsWireMockTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @InjectWireMock
    WireMockServer upstream;

    private ExecutedOperations executed;

    private RawHttp http;
    private int executedBefore;

    @BeforeEach
    void start() {
        upstream.resetAll();
        executed = ExecutedOperations.capture();
        executedBefore = executed.count();
        http = RawHttp.toApplication();
    }

    @AfterEach
    void stop() {
        executed.close();
    }

    private void assertNothingRanAndNothingWentUpstream() {
        assertEquals(executedBefore, executed.count(), "executed: " + executed.since(executedBefore));
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aNumberBeyondA64BitFloatIsA400Not500() {
        assertRefused(400, "BAD_REQUEST", "64-bit float", http.send(RawRequest.postJson(body("{ me { email } }", "{\"unused\":1e400}"))));
        assertRefused(400, "BAD_REQUEST", "64-bit float", http.send(RawRequest.postJson(body(ValidRequests.SITE.document(),
                "{\"id\":-1e400}"))));
        assertRefused(400, "BAD_REQUEST", "64-bit float", http.send(RawRequest.get(ValidRequests.SITE.getTarget()
                .replace("456%22", "456%22%2C%22x%22%3A1e999"))));
        assertNothingRanAndNothingWentUpstream();
    }

    @Test
    void utf8ThatJacksonWouldDecodeIsRefused() {
        String kudo = ValidRequests.GIVE_KUDO.json();
        int inPath = kudo.indexOf("/pricing") + 1;
        for (byte[] invalid : new byte[][] {bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xF4, 0x90, 0x80, 0x80),
                bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xF0, 0x80, 0x80, 0xAF)}) {
            assertRefused(400, "BAD_REQUEST", "not valid UTF-8", http.send(RawRequest.postJson(insert(kudo, inPath, invalid))));
        }
        assertNothingRanAndNothingWentUpstream();
    }

    @Test
    void aQueryStringThatIsNotUtf8IsRefused() {
        assertRefused(400, "BAD_REQUEST", "query string is not valid UTF-8",
                http.send(RawRequest.get(ValidRequests.SITE.getTarget().replace("456", "45%FF6"))));
        assertRefused(400, "BAD_REQUEST", "query string is not valid UTF-8",
                http.send(RawRequest.get(ValidRequests.ME.getTarget() + "&operationName=%C0%AF")));
        assertRefused(400, "BAD_REQUEST", "query string is not valid UTF-8", http.send(RawRequest.verbatim("GET",
                ("GET " + ValidRequests.ME.getTarget() + "&x=\u00ff HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1))));
        assertNothingRanAndNothingWentUpstream();
    }

    @Test
    void variablesOfTheWrongScalarTypeAreRequestErrorsBeforeExecution() {
        Map<ValidRequests.Template, String[]> wrong = Map.of(
                ValidRequests.SITE, new String[] {"{\"id\":{\"a\":1}}", "{\"id\":[\"456\"]}", "{\"id\":true}", "{\"id\":4.5}"},
                ValidRequests.KUDOS, new String[] {"{\"perPage\":\"5\"}", "{\"perPage\":\"abc\"}", "{\"perPage\":1.5}",
                        "{\"perPage\":2147483648}"},
                ValidRequests.RANGE, new String[] {"{\"start\":\"2026-13-45\"}", "{\"start\":\"2026-02-29\"}", "{\"start\":20261101}"},
                ValidRequests.SIGNAL, new String[] {"{\"signal\":{\"occurredAt\":\"nope\",\"title\":\"t\"}}",
                        "{\"signal\":{\"occurredAt\":\"2026-02-12T09:00:00\",\"title\":\"t\"}}"},
                ValidRequests.HITS, new String[] {"{\"hits\":[{\"path\":\"/a\",\"country\":7}]}"});
        wrong.forEach((template, variables) -> {
            for (String value : variables) {
                RawResponse answer = http.send(RawRequest.postJson(body(template.document(), value)).header("Accept", GRAPHQL_RESPONSE));
                assertRefused(400, "BAD_USER_INPUT", "Variable '$", answer);
            }
        });
        assertNothingRanAndNothingWentUpstream();
    }

    @Test
    void variablesThatFitStillRun() {
        Map<ValidRequests.Template, String> fitting = Map.of(
                ValidRequests.SITE, "{\"id\":456}",
                ValidRequests.KUDOS, "{\"perPage\":5}",
                ValidRequests.RANGE, "{\"start\":\"2026-11-01\"}",
                ValidRequests.SIGNAL, "{\"signal\":{\"occurredAt\":\"2026-02-12T09:00:00+02\",\"title\":\"t\"}}",
                ValidRequests.HITS, "{\"hits\":{\"path\":\"/a\"}}");
        fitting.forEach((template, variables) -> {
            RawResponse answer = http.send(RawRequest.postJson(body(template.document(), variables)));
            assertEquals(200, answer.status(), template.name() + ": " + answer);
            assertTrue(answer.bodyText().contains("\"data\""), template.name() + ": " + answer);
        });
        assertEquals(executedBefore + fitting.size(), executed.count());
    }

    @Test
    void aSecondContentEncodingIsNotIgnored() {
        assertRefused(415, "UNSUPPORTED_MEDIA_TYPE", "gzip", http.send(RawRequest.postJson(ValidRequests.ME.json())
                .header("Content-Encoding", "identity").header("Content-Encoding", "gzip")));
        assertNothingRanAndNothingWentUpstream();
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsRefusedAndTheConnectionClosed() throws IOException {
        assertRefused(400, "BAD_REQUEST", "Transfer-Encoding", http.send(RawRequest.post(chunked(utf8(ValidRequests.ME.json())))
                .header("Content-Type", "application/json").header("Transfer-Encoding", "gzip, chunked").contentLength(null)));
        assertRefused(400, "BAD_REQUEST", "Transfer-Encoding", http.send(RawRequest.postJson(ValidRequests.ME.json())
                .header("Transfer-Encoding", "foo")));
        byte[] keepAlive = ("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked, gzip\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(URI.create(RestAssured.baseURI).getHost(), RestAssured.port), 10_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(keepAlive);
            socket.getOutputStream().write(chunked(utf8(ValidRequests.ME.json())));
            String answer = new String(readToEnd(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
        assertNothingRanAndNothingWentUpstream();
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        return in.readAllBytes(); // returns only once the gateway closes the connection (else the socket times out)
    }

    private static void assertRefused(int status, String code, String message, RawResponse answer) {
        assertEquals(status, answer.status(), answer.toString());
        try {
            JsonNode body = JSON.readTree(answer.body());
            assertTrue(body.path("data").isMissingNode() || body.path("data").isNull(), answer.toString());
            assertEquals(code, body.path("errors").path(0).path("extensions").path("code").asText(), answer.toString());
            assertTrue(body.path("errors").path(0).path("message").asText().contains(message), answer.toString());
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + answer, notJson);
        }
    }
}
