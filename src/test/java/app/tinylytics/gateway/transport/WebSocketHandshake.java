package app.tinylytics.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A WebSocket upgrade request written by hand on a plain socket, with exactly the headers a test gives (a browser's
 * {@code Host} and {@code Origin} included, which the JDK's client will not let a caller set), and the gateway's
 * answer to it: 101 and the accepted subprotocol, or a refusal with its body.
 */
public final class WebSocketHandshake {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The gateway's answer: status, headers (lower-case names) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not a JSON body: " + body, e);
            }
        }
    }

    private WebSocketHandshake() {
    }

    /**
     * Sends a WebSocket upgrade of {@code endpoint} (http://host:port/graphql) with {@code headers} on top of the
     * handshake's own; {@code Host} defaults to the endpoint's, {@code Sec-WebSocket-Protocol} to graphql-transport-ws.
     */
    public static Answer upgrade(URI endpoint, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", endpoint.getHost() + ":" + endpoint.getPort());
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        all.put("Sec-WebSocket-Version", "13");
        all.put("Sec-WebSocket-Protocol", "graphql-transport-ws");
        all.putAll(headers);
        all.values().removeIf(value -> value == null);
        StringBuilder request = new StringBuilder("GET " + endpoint.getRawPath() + " HTTP/1.1\r\n");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout((int) GraphQLWebSocket.WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        if (status == 101) {
            return new Answer(status, headers, "");
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
