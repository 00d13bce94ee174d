package app.tinylytics.gateway.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The graphql-transport-ws protocol as the gateway speaks it, from a real WebSocket client: the connection_init
 * handshake and its timeout, ping and pong, and each protocol violation closed with the code PROTOCOL.md names.
 */
@QuarkusTest
class WebSocketProtocolTest {

    /** The test profile's init timeout ({@code %test.gateway.websocket.init-timeout}). */
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(2);

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void connectionInitIsAcknowledged() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            client.init();
        }
    }

    @Test
    void noConnectionInitWithinTheTimeoutCloses4408() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            long start = System.nanoTime();

            GraphQLWebSocket.Closed closed = client.awaitClose(INIT_TIMEOUT.plusSeconds(10));

            assertThat(closed.code(), equalTo(4408));
            assertThat(closed.reason(), containsString("initialisation timeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis(), greaterThanOrEqualTo(INIT_TIMEOUT.toMillis() - 200));
        }
    }

    @Test
    void anAcknowledgedConnectionOutlivesTheInitTimeout() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"ping\"}");
            assertThat(client.next().path("type").asText(), equalTo("pong"));

            client.poll(INIT_TIMEOUT.plusSeconds(1));

            client.sendText("{\"type\": \"ping\"}");
            assertThat(client.next().path("type").asText(), equalTo("pong"));
        }
    }

    @Test
    void pingIsAnsweredWithPongEvenBeforeInit() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            client.sendText("{\"type\": \"ping\", \"payload\": {\"at\": 1}}");

            assertThat(client.next().path("type").asText(), equalTo("pong"));
        }
    }

    @Test
    void subscribeBeforeInitCloses4401() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            client.subscribe("1", "{ __typename }");

            assertThat(client.awaitClose().code(), equalTo(4401));
        }
    }

    @Test
    void aSecondConnectionInitCloses4429() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendInit(null);

            GraphQLWebSocket.Closed closed = client.awaitClose();
            assertThat(closed.code(), equalTo(4429));
            assertThat(closed.reason(), containsString("Too many initialisation requests"));
        }
    }

    @Test
    void aMessageThatIsNotJsonCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            client.sendText("{\"type\": \"connection_init\"");

            assertThat(client.awaitClose().code(), equalTo(4400));
        }
    }

    @Test
    void anUnknownMessageTypeCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"start\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\"}}");

            GraphQLWebSocket.Closed closed = client.awaitClose();
            assertThat(closed.code(), equalTo(4400));
            assertThat(closed.reason(), containsString("'start'"));
        }
    }

    @Test
    void aServerMessageTypeFromTheClientCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"next\", \"id\": \"1\", \"payload\": {}}");

            assertThat(client.awaitClose().code(), equalTo(4400));
        }
    }

    @Test
    void aSubscribeWithoutAnIdCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"subscribe\", \"payload\": {\"query\": \"{ __typename }\"}}");

            GraphQLWebSocket.Closed closed = client.awaitClose();
            assertThat(closed.code(), equalTo(4400));
            assertThat(closed.reason(), containsString("'id'"));
        }
    }

    @Test
    void aSubscribeWhosePayloadIsNotAnObjectCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": \"{ __typename }\"}");

            assertThat(client.awaitClose().code(), equalTo(4400));
        }
    }

    @Test
    void aMessageWithDuplicateKeysCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendText("{\"type\": \"ping\", \"type\": \"subscribe\"}");

            assertThat(client.awaitClose().code(), equalTo(4400));
        }
    }

    @Test
    void aBinaryMessageCloses4400() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.sendBinary("{\"type\": \"ping\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(client.awaitClose().code(), equalTo(4400));
        }
    }

    @Test
    void aSubscribeWithTheIdOfARunningOperationCloses4409() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("live", "subscription { siteUpdates(id: \"456\") { label } }");
            assertThat(client.next().path("type").asText(), equalTo("next"));

            client.subscribe("live", "{ __typename }");

            GraphQLWebSocket.Closed closed = client.awaitClose();
            assertThat(closed.code(), equalTo(4409));
            assertThat(closed.reason(), equalTo("Subscriber for live already exists"));
        }
    }

    @Test
    void theIdOfAFinishedOperationMayBeUsedAgain() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("1", "{ __typename }");
            assertThat(client.untilDone("1").get(1).path("type").asText(), equalTo("complete"));

            client.subscribe("1", "{ __typename }");
            assertThat(client.untilDone("1").get(0).at("/payload/data/__typename").asText(), equalTo("Query"));
        }
    }

    @Test
    void aCompleteForAnUnknownIdIsIgnored() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.complete("never-started");
            client.sendText("{\"type\": \"ping\"}");

            assertThat(client.next().path("type").asText(), equalTo("pong"));
        }
    }

    @Test
    void aSubscribeOverTheBodyLimitCloses1009() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            String padding = " ".repeat(3 * 1024 * 1024);
            client.sendText("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\"" + padding + "}}");

            assertThat(client.awaitClose().code(), equalTo(1009));
        }
    }

    @Test
    void aMessageOverTheBodyLimitInSeveralFramesCloses1009() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            String megabyte = " ".repeat(1024 * 1024);
            client.sendFragmented("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\"",
                    megabyte, megabyte, megabyte, "}}");

            assertThat(client.awaitClose().code(), equalTo(1009));
        }
    }

    @Test
    void aSubscribeLargerThanAWebSocketFrameButWithinTheBodyLimitRuns() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            String padding = " ".repeat(512 * 1024);
            client.sendText("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ __typename }\"" + padding + "}}");

            assertThat(client.untilDone("1").get(0).at("/payload/data/__typename").asText(), equalTo("Query"));
        }
    }

    @Test
    void extensionsInTheSubscribePayloadAreAccepted() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("query", "{ __typename }",
                    "extensions", Map.of("clientLibrary", Map.of("name", "test")))));

            assertThat(client.untilDone("1").get(0).at("/payload/data/__typename").asText(), equalTo("Query"));
        }
    }
}
