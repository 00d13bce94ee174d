package app.tinylytics.gateway.transport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.Simulator;

/**
 * Operations over GraphQL over WebSocket under the same rules as over HTTP, against the simulator: the server key or
 * the caller's own, the same request checks and limits, subscriptions capped per connection and per caller, and a
 * closed connection that leaves no operation, count or request context behind.
 */
@QuarkusTest
class WebSocketOperationsTest {

    static final String SITE_UPDATES = "subscription { siteUpdates(id: \"456\") { label lifetimeKudos } }";
    /** The caps of the default configuration (GATEWAY_WEBSOCKET_MAX_SUBSCRIPTIONS_PER_CONNECTION, _PER_CALLER). */
    static final int PER_CONNECTION = 10;
    static final int PER_CALLER = 20;

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void startFromNothing() {
        Simulator.reset();
        WebSocketGauges.awaitAllZero();
    }

    @Test
    void aQueryIsAnsweredWithOneNextAndComplete() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("q", "{ me { email } }");

            List<JsonNode> answer = client.untilDone("q");

            assertThat(answer, hasSize(2));
            assertThat(answer.get(0).path("type").asText(), equalTo("next"));
            assertThat(answer.get(0).at("/payload/data/me/email").asText(), equalTo("alice@example.com"));
            assertThat(answer.get(1).path("type").asText(), equalTo("complete"));
        }
    }

    @Test
    void aMutationRunsOverWebSocket() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("m", "mutation { giveKudo(siteId: \"456\", kudo: {path: \"/ws\", customUid: \"ws-kudo-1\"})"
                    + " { status kudo { uid } } }");

            JsonNode next = client.untilDone("m").get(0);

            assertThat(next.at("/payload/data/giveKudo/status").asText(), equalTo("CREATED"));
            assertThat(next.at("/payload/data/giveKudo/kudo/uid").asText(), equalTo("ws-kudo-1"));
        }
    }

    @Test
    void moreSiteFieldsThanTheLimitAreRefusedAsOverHttp() {
        String elevenSites = IntStream.range(0, 11).mapToObj(i -> "s" + i + ": site(id: \"" + (400 + i) + "\") { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("big", elevenSites);

            JsonNode error = client.next();

            assertThat(error.path("type").asText(), equalTo("error"));
            assertThat(error.path("id").asText(), equalTo("big"));
            assertThat(error.at("/payload/0/extensions/code").asText(), equalTo("QUERY_TOO_EXPENSIVE"));
            assertThat(error.at("/payload/0/message").asText(), containsString("'site' fields"));
        }
    }

    @Test
    void anOperationPlanningTooManyUpstreamCallsIsRefused() {
        String manyCalls = IntStream.range(0, 51).mapToObj(i -> "me" + i + ": me { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("calls", manyCalls);

            assertThat(client.next().at("/payload/0/extensions/code").asText(), equalTo("QUERY_TOO_EXPENSIVE"));
        }
    }

    @Test
    void aBadlyTypedVariableIsARequestError() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("v", "query($id: ID!) { site(id: $id) { id } }", Map.of("id", true));

            JsonNode error = client.next();

            assertThat(error.path("type").asText(), equalTo("error"));
            assertThat(error.at("/payload/0/extensions/code").asText(), equalTo("BAD_USER_INPUT"));
        }
    }

    @Test
    void aDocumentThatDoesNotParseIsARequestError() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("p", "{ me { email }");

            assertThat(client.next().at("/payload/0/extensions/code").asText(), equalTo("GRAPHQL_PARSE_FAILED"));
        }
    }

    @Test
    void aPayloadWhoseVariablesAreNotAnObjectIsARequestError() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.send(Map.of("id", "x", "type", "subscribe", "payload", Map.of("query", "{ me { id } }", "variables", List.of(1))));

            JsonNode error = client.next();

            assertThat(error.path("type").asText(), equalTo("error"));
            assertThat(error.at("/payload/0/extensions/code").asText(), equalTo("BAD_REQUEST"));
        }
    }

    @Test
    void aRefusedOperationLeavesTheConnectionUsable() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("bad", "{ nope }");
            assertThat(client.next().at("/payload/0/extensions/code").asText(), equalTo("GRAPHQL_VALIDATION_FAILED"));

            client.subscribe("good", "{ __typename }");
            assertThat(client.untilDone("good").get(0).at("/payload/data/__typename").asText(), equalTo("Query"));
        }
    }

    @Test
    void aSubscriptionSendsTheSiteAtOnce() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("live", SITE_UPDATES);

            JsonNode next = client.next();

            assertThat(next.path("type").asText(), equalTo("next"));
            assertThat(next.path("id").asText(), equalTo("live"));
            assertThat(next.at("/payload/data/siteUpdates/label").asText(), equalTo("My Blog"));
            assertThat(next.at("/payload/data/siteUpdates/lifetimeKudos").asInt(), greaterThan(0));
            assertThat(next.at("/payload/errors").isMissingNode(), equalTo(true));
        }
    }

    @Test
    void everySecondsBelowThirtyIsBadUserInput() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("fast", "subscription { siteUpdates(id: \"456\", everySeconds: 5) { label } }");

            List<JsonNode> answer = client.untilDone("fast");

            assertThat(answer, hasSize(1));
            assertThat(answer.get(0).path("type").asText(), equalTo("error"));
            assertThat(answer.get(0).at("/payload/0/extensions/code").asText(), equalTo("BAD_USER_INPUT"));
            assertThat(answer.get(0).at("/payload/0/message").asText(), containsString("everySeconds"));
        }
    }

    @Test
    void aSubscriptionToAnUnknownSiteSendsNullWithNotFoundAndCompletes() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("gone", "subscription { siteUpdates(id: \"999999\") { label } }");

            List<JsonNode> answer = client.untilDone("gone");

            assertThat(answer, hasSize(2));
            assertThat(answer.get(0).path("type").asText(), equalTo("next"));
            assertThat(answer.get(0).at("/payload/data/siteUpdates").isNull(), equalTo(true));
            assertThat(answer.get(0).at("/payload/errors/0/extensions/code").asText(), equalTo("NOT_FOUND"));
            assertThat(answer.get(1).path("type").asText(), equalTo("complete"));
        }
    }

    @Test
    void completeFromTheClientEndsTheSubscription() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("live", SITE_UPDATES);
            client.next();
            assertThat(WebSocketGauges.operations(), equalTo(1));

            client.complete("live");

            awaitOperations(0);
            client.subscribe("live", SITE_UPDATES);
            assertThat(client.next().path("type").asText(), equalTo("next"));
        }
    }

    @Test
    void oneConnectionRunsAtMostItsCapOfOperations() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            subscribeMany(client, "s", PER_CONNECTION);

            client.subscribe("one-too-many", SITE_UPDATES);
            JsonNode refused = client.next();

            assertThat(refused.path("type").asText(), equalTo("error"));
            assertThat(refused.path("id").asText(), equalTo("one-too-many"));
            assertThat(refused.at("/payload/0/extensions/code").asText(), equalTo("TOO_MANY_SUBSCRIPTIONS"));
            assertThat(refused.at("/payload/0/message").asText(), containsString("at most " + PER_CONNECTION));

            client.complete("s0");
            awaitOperations(PER_CONNECTION - 1);
            client.subscribe("room-again", SITE_UPDATES);
            assertThat(client.next().path("type").asText(), equalTo("next"));
        }
    }

    @Test
    void oneCallerRunsAtMostItsCapOfOperationsOverAllItsConnections() {
        List<GraphQLWebSocket> clients = new ArrayList<>();
        try {
            for (int c = 0; c < PER_CALLER / PER_CONNECTION; c++) {
                GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init();
                clients.add(client);
                subscribeMany(client, "c" + c + "-", PER_CONNECTION);
            }
            GraphQLWebSocket another = GraphQLWebSocket.connect(graphql).init();
            clients.add(another);

            another.subscribe("over", SITE_UPDATES);
            JsonNode refused = another.next();

            assertThat(refused.at("/payload/0/extensions/code").asText(), equalTo("TOO_MANY_SUBSCRIPTIONS"));
            assertThat(refused.at("/payload/0/message").asText(), containsString("PER_CALLER"));

            clients.remove(0).close();
            awaitOperations(PER_CALLER - PER_CONNECTION);
            another.subscribe("now", SITE_UPDATES);
            assertThat(another.next().at("/payload/data/siteUpdates/label").asText(), equalTo("My Blog"));
        } finally {
            clients.forEach(GraphQLWebSocket::close);
        }
    }

    @Test
    void aClosedConnectionLeavesNothingBehind() {
        GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init();
        subscribeMany(client, "s", 3);
        assertThat(WebSocketGauges.connections(), equalTo(1));
        assertThat(WebSocketGauges.operations(), equalTo(3));
        assertThat(WebSocketGauges.callers(), equalTo(1));

        client.close();

        WebSocketGauges.awaitAllZero();
    }

    @Test
    void aConnectionClosedByTheGatewayLeavesNothingBehind() {
        GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init();
        subscribeMany(client, "s", 2);

        client.subscribe("s0", SITE_UPDATES);

        assertThat(client.awaitClose().code(), equalTo(4409));
        WebSocketGauges.awaitAllZero();
    }

    @Test
    void aQueryAnsweredLeavesNoOperationBehind() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("q", "{ me { email } }");
            client.untilDone("q");

            awaitOperations(0);
            assertThat(WebSocketGauges.callers(), equalTo(0));
            assertThat(client.poll(Duration.ofMillis(300)), nullValue());
        }
    }

    private static void subscribeMany(GraphQLWebSocket client, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            client.subscribe(prefix + i, SITE_UPDATES);
            assertThat(client.next().path("type").asText(), equalTo("next"));
        }
    }

    private static void awaitOperations(int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (WebSocketGauges.operations() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(WebSocketGauges.operations(), equalTo(expected));
    }
}
