package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With WebSocket switched off, no upgrade happens at all (SmallRye's own handler included); HTTP is unaffected. */
@QuarkusTest
@TestProfile(WebSocketOffProfile.class)
class WebSocketOffTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void anUpgradeIsRefusedWithAReasonInsteadOfSwitchingProtocols() {
        WebSocketHandshake.Answer answer = WebSocketHandshake.upgrade(graphql, Map.of());

        assertThat(answer.status(), equalTo(403));
        assertThat(answer.json().at("/errors/0/extensions/code").asText(), equalTo("WEBSOCKET_DISABLED"));
        assertThat(answer.json().at("/errors/0/message").asText(), containsString("GATEWAY_WEBSOCKET_ENABLED=false"));
    }

    @Test
    void aGraphqlWsClientCannotConnect() {
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> GraphQLWebSocket.connect(graphql));

        assertThat(failed.getCause().getCause(), instanceOf(WebSocketHandshakeException.class));
        assertThat(((WebSocketHandshakeException) failed.getCause().getCause()).getResponse().statusCode(), equalTo(403));
    }

    @Test
    void queriesOverHttpStillRun() {
        given().contentType("application/json").body("{\"query\": \"{ __typename }\"}").post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
    }
}
