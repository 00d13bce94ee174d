package app.tinylytics.gateway.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may open a GraphQL WebSocket, decided on the upgrade request: a page of the gateway's own origin or of the
 * CORS allow-list (the test profile allows https://dash.tinylytics.test), a client without Origin, and only with the
 * graphql-transport-ws subprotocol.
 */
@QuarkusTest
class WebSocketUpgradeTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void anUpgradeWithoutOriginIsAcceptedWithGraphqlTransportWs() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of());

        assertThat(answer.status(), equalTo(101));
        assertThat(answer.headers().get("sec-websocket-protocol"), equalTo("graphql-transport-ws"));
    }

    @Test
    void aForeignOriginIsRefused() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of("Origin", "https://evil.example"));

        assertThat(answer.status(), equalTo(403));
    }

    @Test
    void anOriginOfTheCorsAllowListIsAccepted() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of("Origin", "https://dash.tinylytics.test"));

        assertThat(answer.status(), equalTo(101));
    }

    @Test
    void theGatewaysOwnOriginIsAccepted() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql,
                Map.of("Origin", "http://" + graphql.getHost() + ":" + graphql.getPort()));

        assertThat(answer.status(), equalTo(101));
    }

    @Test
    void theGatewaysHostOnAnotherPortIsAForeignOrigin() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql,
                Map.of("Origin", "http://" + graphql.getHost() + ":" + (graphql.getPort() + 1)));

        assertThat(answer.status(), equalTo(403));
    }

    @Test
    void anOriginThatMerelyStartsWithTheGatewaysHostIsForeign() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql,
                Map.of("Host", "gateway.test", "Origin", "http://gateway.test.evil.example"));

        assertThat(answer.status(), equalTo(403));
    }

    @Test
    void theGatewaysOwnOriginBehindADefaultPortIsAccepted() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql,
                Map.of("Host", "gateway.test", "Origin", "http://gateway.test"));

        assertThat(answer.status(), equalTo(101));
    }

    @Test
    void theNullOriginOfASandboxedPageIsRefused() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of("Origin", "null"));

        assertThat(answer.status(), equalTo(403));
    }

    @Test
    void anotherSubprotocolIsRefused() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of("Sec-WebSocket-Protocol", "graphql-ws"));

        assertThat(answer.status(), equalTo(400));
        assertThat(answer.json().at("/errors/0/message").asText(), containsString("graphql-transport-ws"));
    }

    @Test
    void noSubprotocolIsRefused() {
        Map<String, String> withoutSubprotocol = new HashMap<>();
        withoutSubprotocol.put("Sec-WebSocket-Protocol", null);

        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, withoutSubprotocol);

        assertThat(answer.status(), equalTo(400));
    }

    @Test
    void graphqlTransportWsIsChosenAmongTheOfferedSubprotocols() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql,
                Map.of("Sec-WebSocket-Protocol", "graphql-ws, graphql-transport-ws"));

        assertThat(answer.status(), equalTo(101));
        assertThat(answer.headers().get("sec-websocket-protocol"), equalTo("graphql-transport-ws"));
    }
}
