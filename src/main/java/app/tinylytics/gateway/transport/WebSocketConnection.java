package app.tinylytics.gateway.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;

import app.tinylytics.gateway.security.Caller;

/**
 * One graphql-transport-ws connection (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md) under the
 * gateway's rules, run on its event loop: {@code connection_init} in time, its credentials resolved once (refused ones
 * close it with 4403), each {@code subscribe} checked like an HTTP request and within the per-connection and per-caller
 * caps, every operation ended when the connection closes.
 */
final class WebSocketConnection {

    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final String PING = "{\"type\":\"ping\"}";
    private static final String PONG = "{\"type\":\"pong\"}";
    private static final String ACK = "{\"type\":\"connection_ack\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum State {
        AWAITING_INIT,
        READY,
        CLOSED
    }

    private final ServerWebSocket socket;
    private final Context eventLoop;
    private final WebSocketServices services;
    private final List<String> upgradeAuthorization;
    private final String clientAddress;
    private final Map<String, WebSocketOperation> operations = new LinkedHashMap<>();
    private final long initTimer;
    private final long keepAlive;
    private State state = State.AWAITING_INIT;
    private Caller caller;
    private boolean released;

    private WebSocketConnection(ServerWebSocket socket, Context eventLoop, WebSocketServices services,
            List<String> upgradeAuthorization, String clientAddress) {
        this.socket = socket;
        this.eventLoop = eventLoop;
        this.services = services;
        this.upgradeAuthorization = upgradeAuthorization;
        this.clientAddress = clientAddress;
        this.initTimer = eventLoop.owner().setTimer(services.initTimeout().toMillis(), fired -> {
            if (state == State.AWAITING_INIT) {
                close(WebSocketClose.initTimeout());
            }
        });
        this.keepAlive = eventLoop.owner().setPeriodic(KEEP_ALIVE_MILLIS, tick -> send(PING));
    }

    /** Serves an upgraded socket; called on its event loop. */
    static void serve(ServerWebSocket socket, Context eventLoop, WebSocketServices services, List<String> upgradeAuthorization,
            String clientAddress) {
        WebSocketConnection connection = new WebSocketConnection(socket, eventLoop, services, upgradeAuthorization, clientAddress);
        services.registry().opened();
        socket.closeHandler(closed -> connection.closed());
        socket.exceptionHandler(connection::failed);
        socket.binaryMessageHandler(binary -> connection.close(
                WebSocketClose.badRequest("Binary messages are not part of graphql-transport-ws: send text")));
        socket.textMessageHandler(connection::received);
        if (!WebSocketServerOptions.SUBPROTOCOL.equals(socket.subProtocol())) {
            connection.close(WebSocketClose.subprotocolNotAcceptable());
        }
    }

    private void received(String text) {
        if (state == State.CLOSED) {
            return;
        }
        try {
            WebSocketMessage message = WebSocketMessage.parse(text);
            switch (message.type()) {
                case CONNECTION_INIT -> init(message);
                case PING -> send(PONG);
                case PONG -> {
                }
                case SUBSCRIBE -> subscribe(message);
                case COMPLETE -> complete(message.id());
            }
        } catch (WebSocketClose close) {
            close(close);
        } catch (RuntimeException unexpected) {
            Log.errorf(unexpected, "Unexpected failure handling a GraphQL-over-WebSocket message");
            close(WebSocketClose.internalError());
        }
    }

    private void init(WebSocketMessage message) {
        if (state != State.AWAITING_INIT) {
            throw WebSocketClose.tooManyInits();
        }
        eventLoop.owner().cancelTimer(initTimer);
        Caller resolved = services.callers().resolve(
                WebSocketCredentials.authorization(message.payload(), upgradeAuthorization), clientAddress);
        if (resolved.refusal().isPresent()) {
            throw WebSocketClose.forbidden(resolved.refusal().get().getMessage());
        }
        caller = resolved;
        state = State.READY;
        send(ACK);
    }

    private void subscribe(WebSocketMessage message) {
        if (state != State.READY) {
            throw WebSocketClose.unauthorized();
        }
        String id = message.id();
        if (operations.containsKey(id)) {
            throw WebSocketClose.subscriberExists(id);
        }
        PreparedOperation prepared;
        try {
            prepared = services.checks().check(GraphQLRequest.fromObject(message.payload()), OperationChecks.Transport.WEBSOCKET);
        } catch (RequestRefusal refusal) {
            sendError(id, json(refusal.errors()));
            return;
        }
        if (operations.size() >= services.maxPerConnection()) {
            sendError(id, tooMany("This connection already runs " + operations.size() + " operations; at most "
                    + services.maxPerConnection() + " may run at once (GATEWAY_WEBSOCKET_MAX_SUBSCRIPTIONS_PER_CONNECTION)."));
            return;
        }
        if (!services.registry().tryStart(caller.shareHolder())) {
            sendError(id, tooMany("You already run " + services.registry().maxPerCaller() + " operations over WebSocket, the"
                    + " most one caller may run at once (GATEWAY_WEBSOCKET_MAX_SUBSCRIPTIONS_PER_CALLER)."));
            return;
        }
        WebSocketOperation operation = new WebSocketOperation(id, this);
        operations.put(id, operation);
        operation.start(prepared, caller, services.executions().get(), services.operations(), services.log());
    }

    private void complete(String id) {
        WebSocketOperation operation = operations.get(id);
        if (operation != null) {
            operation.cancel();
        }
    }

    /** An operation has ended, however it ended: its counts are released. */
    void ended(WebSocketOperation operation) {
        if (operations.remove(operation.id(), operation)) {
            services.registry().finished(caller.shareHolder());
        }
    }

    /** Queues {@code action} on the connection's event loop, behind everything queued before it (events stay in order). */
    void onEventLoop(Runnable action) {
        eventLoop.runOnContext(ignored -> action.run());
    }

    void sendNext(String id, String payload) {
        send("{\"id\":" + json(id) + ",\"type\":\"next\",\"payload\":" + payload + "}");
    }

    void sendError(String id, String errors) {
        send("{\"id\":" + json(id) + ",\"type\":\"error\",\"payload\":" + errors + "}");
    }

    void sendComplete(String id) {
        send("{\"id\":" + json(id) + ",\"type\":\"complete\"}");
    }

    /** The errors array of a failure the client cannot do anything about. */
    static String internalError() {
        return json(List.of(error("The gateway failed to run the operation.", "INTERNAL_SERVER_ERROR")));
    }

    private void send(String message) {
        if (state != State.CLOSED && !socket.isClosed()) {
            socket.writeTextMessage(message);
        }
    }

    private void failed(Throwable failure) {
        // A message of several frames over maxWebSocketMessageSize is reported only so, and the socket stays open.
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
            close(WebSocketClose.tooBig(services.maxMessageBytes()));
            return;
        }
        Log.debugf("WebSocket connection failed: %s", failure.toString());
    }

    private void close(WebSocketClose close) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (!socket.isClosed()) {
            socket.close(close.code(), close.reason());
        }
        closed();
    }

    /** Runs once, whichever side closed: every operation ends, every count is released. */
    private void closed() {
        if (released) {
            return;
        }
        released = true;
        state = State.CLOSED;
        eventLoop.owner().cancelTimer(initTimer);
        eventLoop.owner().cancelTimer(keepAlive);
        new ArrayList<>(operations.values()).forEach(WebSocketOperation::cancel);
        services.registry().closed();
    }

    private static String tooMany(String message) {
        return json(List.of(error(message, "TOO_MANY_SUBSCRIPTIONS")));
    }

    private static Map<String, Object> error(String message, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        return error;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A WebSocket message could not be written", e);
        }
    }
}
