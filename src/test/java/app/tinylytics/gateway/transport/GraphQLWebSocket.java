package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A graphql-transport-ws client for tests, over the JDK's own WebSocket client and a real socket: it sends what a
 * test tells it to (well-formed or not), collects every message the gateway sends (its keep-alive pings aside) and
 * how the gateway closed the connection.
 */
public final class GraphQLWebSocket implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the gateway closed the connection. */
    public record Closed(int code, String reason) {
    }

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private GraphQLWebSocket() {
    }

    /** Connects to {@code endpoint} (the gateway's http://…/graphql) with graphql-transport-ws and these headers. */
    public static GraphQLWebSocket connect(URI endpoint, Map<String, String> headers) {
        GraphQLWebSocket client = new GraphQLWebSocket();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(WAIT);
        headers.forEach(builder::header);
        URI ws = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
        try {
            client.socket = builder.buildAsync(ws, client).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not open a WebSocket to " + ws, e);
        }
        return client;
    }

    public static GraphQLWebSocket connect(URI endpoint) {
        return connect(endpoint, Map.of());
    }

    /** Sends {@code connection_init} with {@code payload} (null: none) and expects {@code connection_ack}. */
    public GraphQLWebSocket init(Map<String, Object> payload) {
        sendInit(payload);
        assertEquals("connection_ack", next().path("type").asText(), "the gateway's answer to connection_init");
        return this;
    }

    public GraphQLWebSocket init() {
        return init(null);
    }

    public void sendInit(Map<String, Object> payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "connection_init");
        if (payload != null) {
            message.put("payload", payload);
        }
        send(message);
    }

    /** Sends {@code subscribe} for {@code query} with {@code variables}. */
    public void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    public void subscribe(String id, String query) {
        subscribe(id, query, Map.of());
    }

    public void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    public void send(Map<String, Object> message) {
        try {
            sendText(JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code text} as it is, in one frame. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends one text message as several frames, one per part. Stops early, without failing, when the gateway has
     * closed the connection meanwhile: it may close as soon as the frames so far are over its limit.
     */
    public void sendFragmented(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            try {
                socket.sendText(parts[i], i == parts.length - 1).join();
            } catch (java.util.concurrent.CompletionException closed) {
                if (!socket.isInputClosed() && !(closed.getCause() instanceof java.io.IOException)) {
                    throw closed;
                }
                return;
            }
        }
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message from the gateway; fails the test after {@link #WAIT}. */
    public JsonNode next() {
        JsonNode message = poll(WAIT);
        if (message == null) {
            fail("No message from the gateway within " + WAIT.toSeconds() + " s" + (closed.isDone() ? "; it closed: " + closed.join() : ""));
        }
        return message;
    }

    /** The next message within {@code wait}, or null. */
    JsonNode poll(Duration wait) {
        try {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages for operation {@code id} up to and including its {@code complete} or {@code error}. */
    public List<JsonNode> untilDone(String id) {
        List<JsonNode> received = new ArrayList<>();
        while (true) {
            JsonNode message = next();
            if (!id.equals(message.path("id").asText())) {
                continue;
            }
            received.add(message);
            String type = message.path("type").asText();
            if (type.equals("complete") || type.equals("error")) {
                return received;
            }
        }
    }

    /** How the gateway closed the connection; fails the test if it stays open beyond {@code wait}. */
    public Closed awaitClose(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException open) {
            return fail("The gateway did not close the connection within " + wait.toMillis() + " ms");
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public Closed awaitClose() {
        return awaitClose(WAIT);
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone() && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            awaitClose();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = JSON.readTree(partial.toString());
                if (!message.path("type").asText().equals("ping")) {
                    messages.add(message);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The gateway sent a message that is not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }
}
