package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import app.tinylytics.gateway.transport.GraphQLWebSocket;
import app.tinylytics.gateway.transport.WebSocketHandshake;

/**
 * GraphQL over WebSocket used against the rules of graphql-transport-ws and to hold more than a caller's part of the
 * gateway: a page of another origin, connections that never say {@code connection_init}, operations before it, a second
 * {@code connection_init}, a reused operation id, text that is no message, and more subscriptions than a connection or
 * a caller may hold, with a spoofed {@code X-Forwarded-For} to pass for another caller. Each ends in the protocol's
 * close code or the operation's {@code TOO_MANY_SUBSCRIPTIONS}, with the production defaults (10 per connection, 20 per
 * caller, 10 s to send {@code connection_init}).
 */
abstract class WebSocketAbuseAttacks {

    private static final String LIVE = "subscription { siteUpdates(id: \"456\", everySeconds: 60) { label } }";
    private static final int PER_CONNECTION = 10;
    private static final int PER_CALLER = 20;
    /** Only a bound on how long the test waits: the production init timeout is 10 s. */
    private static final Duration INIT_TIMEOUT_WAIT = Duration.ofSeconds(60);

    @Test
    void protocolAbuseClosesTheConnectionWithItsCode() {
        Deployment gateway = Deployments.jwt();
        Map<String, Object> alice = Map.of("Authorization", "Bearer " + SuiteKeys.ALICE);
        List<String> details = new ArrayList<>();

        WebSocketHandshake.Answer foreign = WebSocketHandshake.upgrade(gateway.gateway().graphql(),
                Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreign.status(), foreign::toString);
        details.add("an upgrade from `Origin: https://evil.example`: " + foreign.status());

        try (GraphQLWebSocket silent = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            GraphQLWebSocket.Closed closed = silent.awaitClose(INIT_TIMEOUT_WAIT);
            assertEquals(4408, closed.code(), closed::toString);
            details.add("no `connection_init`: closed " + closed.code());
        }
        try (GraphQLWebSocket early = GraphQLWebSocket.connect(gateway.gateway().graphql())) {
            early.subscribe("early", "{ me { email } }");
            GraphQLWebSocket.Closed closed = early.awaitClose();
            assertEquals(4401, closed.code(), closed::toString);
            details.add("`subscribe` before `connection_init`: closed " + closed.code());
        }
        try (GraphQLWebSocket twice = GraphQLWebSocket.connect(gateway.gateway().graphql()).init(alice)) {
            twice.sendInit(alice);
            GraphQLWebSocket.Closed closed = twice.awaitClose();
            assertEquals(4429, closed.code(), closed::toString);
            details.add("a second `connection_init`: closed " + closed.code());
        }
        try (GraphQLWebSocket reused = GraphQLWebSocket.connect(gateway.gateway().graphql()).init(alice)) {
            reused.subscribe("same", LIVE);
            assertEquals("next", reused.next().path("type").asText());
            reused.subscribe("same", LIVE);
            GraphQLWebSocket.Closed closed = reused.awaitClose();
            assertEquals(4409, closed.code(), closed::toString);
            details.add("a `subscribe` reusing a running id: closed " + closed.code());
        }
        for (String junk : List.of("not json", "[]", "{\"type\": \"execute\"}", "{\"type\": \"subscribe\", \"id\": \"x\", \"payload\": []}")) {
            try (GraphQLWebSocket socket = GraphQLWebSocket.connect(gateway.gateway().graphql()).init(alice)) {
                socket.sendText(junk);
                GraphQLWebSocket.Closed closed = socket.awaitClose();
                assertEquals(4400, closed.code(), () -> junk + ": " + closed);
                details.add("`" + junk + "`: closed " + closed.code());
            }
        }

        try (GraphQLWebSocket crowded = GraphQLWebSocket.connect(gateway.gateway().graphql()).init(alice)) {
            for (int i = 0; i < PER_CONNECTION; i++) {
                crowded.subscribe("s" + i, LIVE);
                assertEquals("next", crowded.next().path("type").asText(), "subscription " + i);
            }
            crowded.subscribe("one-too-many", LIVE);
            JsonNode refused = crowded.next();
            assertEquals("one-too-many", refused.path("id").asText(), refused::toString);
            assertEquals("TOO_MANY_SUBSCRIPTIONS", Answer.ofPayload(refused).code(), refused::toString);
            assertTrue(!crowded.isClosed(), "the connection stays open for the subscriptions it holds");
            details.add(PER_CONNECTION + 1 + " subscriptions on one connection: the last `TOO_MANY_SUBSCRIPTIONS`");
        }
        gateway.upstream().calls().forEach(call -> assertEquals("Bearer " + SuiteKeys.ALICE, call.getHeader("Authorization")));

        AttackReport.measured(Attack.WEBSOCKET_ABUSE, "foreign `Origin`: 403; no `connection_init`: 4408; `subscribe`"
                + " first: 4401; a second `connection_init`: 4429; a reused id: 4409; 4 malformed messages: 4400; the "
                + (PER_CONNECTION + 1) + "th subscription on a connection: `TOO_MANY_SUBSCRIPTIONS`", details);
    }

    @Test
    void aSpoofedForwardedForDoesNotBuyMoreSubscriptionsThanTheCallersCap() {
        Deployment gateway = Deployments.openReads(); // callers are told apart by address here
        List<String> details = new ArrayList<>();
        List<GraphQLWebSocket> connections = new ArrayList<>();
        try {
            for (int c = 0; c < PER_CALLER / PER_CONNECTION; c++) {
                GraphQLWebSocket connection = GraphQLWebSocket.connect(gateway.gateway().graphql()).init();
                connections.add(connection);
                for (int i = 0; i < PER_CONNECTION; i++) {
                    connection.subscribe("c" + c + "s" + i, LIVE);
                    JsonNode first = connection.next();
                    assertEquals("next", first.path("type").asText(), first::toString);
                }
            }
            details.add("127.0.0.1 holds " + PER_CALLER + " subscriptions over " + connections.size() + " connections");

            GraphQLWebSocket spoofing = GraphQLWebSocket.connect(gateway.gateway().graphql(),
                    Map.of("X-Forwarded-For", "203.0.113.77")).init(Map.of("headers", Map.of("X-Forwarded-For", "203.0.113.78")));
            connections.add(spoofing);
            spoofing.subscribe("spoofed", LIVE);
            JsonNode refused = spoofing.next();
            assertEquals("TOO_MANY_SUBSCRIPTIONS", Answer.ofPayload(refused).code(), refused::toString);
            details.add("a third connection with `X-Forwarded-For: 203.0.113.77` (upgrade) and 203.0.113.78 (`connection_init`):"
                    + " `TOO_MANY_SUBSCRIPTIONS`");

            connections.remove(0).close();
            JsonNode admitted = null;
            for (int attempt = 0; attempt < 200 && admitted == null; attempt++) {
                // The closed connection's operations are released as the gateway sees the close.
                spoofing.subscribe("again" + attempt, LIVE);
                JsonNode answer = spoofing.next();
                if (answer.path("type").asText().equals("next")) {
                    admitted = answer;
                } else {
                    PackagedGateway.pause(Duration.ofMillis(100));
                }
            }
            assertTrue(admitted != null, "the same caller is admitted again once one of its connections closed");
            details.add("one of the first connections closed: the spoofing connection is admitted (it is the same caller)");
        } finally {
            connections.forEach(GraphQLWebSocket::close);
        }

        AttackReport.measured(Attack.WEBSOCKET_SUBSCRIPTION_FLOOD, PER_CALLER + " subscriptions from one address, then a"
                + " connection with a spoofed `X-Forwarded-For`: `TOO_MANY_SUBSCRIPTIONS`; admitted only once the caller's"
                + " own connection closed", details);
    }
}
