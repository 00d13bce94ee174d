package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.LogCapture;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Which key a WebSocket connection's operations use upstream, seen at the upstream: the key in connection_init (as
 * GraphiQL and graphql-ws clients send it), else the upgrade request's Authorization header, else the server key;
 * credentials that are refused close the connection with 4403 before anything is sent, and no key is ever logged.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class WebSocketKeysWireMockTest {

    private static final String SITE_QUERY = "{ site(id: \"456\") { label } }";
    private static final String SITE_URL = "/api/v1/sites/456";
    private static final String SITE_LIST_URL = "/api/v1/sites";

    @InjectWireMock
    WireMockServer upstream;

    @TestHTTPResource("/graphql")
    URI graphql;

    private final LogCapture logs = new LogCapture();

    @BeforeEach
    void stubSiteAndCaptureLogs() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        logs.install();
    }

    @AfterEach
    void stopCapturing() {
        logs.uninstall();
    }

    /** The shapes a connection_init payload carries the key in: GraphiQL's Headers pane, graphql-ws clients, lower case. */
    static Stream<Map<String, Object>> payloadShapes() {
        String bearer = TestKeys.bearer(TestKeys.CALLER_READ);
        return Stream.of(
                Map.of("Authorization", bearer),
                Map.of("authorization", bearer),
                Map.of("headers", Map.of("Authorization", bearer)));
    }

    @ParameterizedTest
    @MethodSource("payloadShapes")
    void theKeyInConnectionInitIsUsedUpstream(Map<String, Object> payload) {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init(payload)) {
            client.subscribe("q", SITE_QUERY);
            client.untilDone("q");
        }

        upstream.verify(1, getRequestedFor(urlEqualTo(SITE_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    @Test
    void theKeyInConnectionInitServesASubscription() {
        SiteStubs.siteList456(upstream);
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)
                .init(Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ)))) {
            client.subscribe("live", "subscription { siteUpdates(id: \"456\") { label } }");
            assertEquals("My Blog", client.next().at("/payload/data/siteUpdates/label").asText());
        }

        // A live site comes from the key's site list.
        upstream.verify(1, getRequestedFor(urlEqualTo(SITE_LIST_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    @Test
    void theUpgradeRequestsAuthorizationHeaderServesWhenConnectionInitHasNoKey() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql,
                Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ))).init()) {
            client.subscribe("q", SITE_QUERY);
            client.untilDone("q");
        }

        upstream.verify(1, getRequestedFor(urlEqualTo(SITE_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    @Test
    void theKeyInConnectionInitWinsOverTheUpgradeHeader() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql,
                Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_WRITE)))
                .init(Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ)))) {
            client.subscribe("q", SITE_QUERY);
            client.untilDone("q");
        }

        upstream.verify(1, getRequestedFor(urlEqualTo(SITE_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
        upstream.verify(0, getRequestedFor(urlEqualTo(SITE_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.CALLER_WRITE))));
    }

    @Test
    void withoutAKeyTheServerReadKeyServes() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("q", SITE_QUERY);
            client.untilDone("q");
        }

        upstream.verify(1, getRequestedFor(urlEqualTo(SITE_URL)).withHeader("Authorization",
                equalTo(TestKeys.bearer(TestKeys.SERVER_READ))));
    }

    /** Credentials CallerResolver refuses, and a word of the reason the close frame must give. */
    static Stream<Object[]> refusedCredentials() {
        return Stream.of(
                new Object[] {Map.of("Authorization", "Basic dXNlcjpwYXNz"), "malformed"},
                new Object[] {Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ) + " extra"), "malformed"},
                new Object[] {Map.of("Authorization", "Bearer tly-x"), "well-formed Tinylytics key"},
                new Object[] {Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."), "JWT"},
                new Object[] {Map.of("Authorization", 42), "must be a string"},
                new Object[] {Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ),
                        "headers", Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_WRITE))), "one 'Authorization'"});
    }

    @ParameterizedTest
    @MethodSource("refusedCredentials")
    void refusedCredentialsInConnectionInitClose4403WithoutAnyUpstreamCall(Map<String, Object> payload, String reason) {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql)) {
            client.sendInit(payload);

            GraphQLWebSocket.Closed closed = client.awaitClose();

            assertEquals(4403, closed.code());
            assertThat(closed.reason(), containsString("Forbidden"));
            assertThat(closed.reason(), containsString(reason));
            assertThat(closed.reason(), not(containsString("tly-ro-test")));
        }
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aMalformedUpgradeHeaderClosesTheConnectionAtInit() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql, Map.of("Authorization", "Token abc"))) {
            client.sendInit(null);

            assertEquals(4403, client.awaitClose().code());
        }
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void noKeyFromConnectionInitOrTheUpgradeReachesTheLogs() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql,
                Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_WRITE)))
                .init(Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ)))) {
            client.subscribe("q", SITE_QUERY);
            client.untilDone("q");
            client.subscribe("bad", "{ site(id: \"456\") { label }");
            client.next();
        }
        try (GraphQLWebSocket refused = GraphQLWebSocket.connect(graphql)) {
            refused.sendInit(Map.of("Authorization", TestKeys.bearer(TestKeys.CALLER_READ) + " extra"));
            refused.awaitClose();
        }
        try (GraphQLWebSocket notJson = GraphQLWebSocket.connect(graphql)) {
            notJson.sendText("{\"type\": \"connection_init\", \"payload\": {\"Authorization\": \"Bearer " + TestKeys.CALLER_READ + "\"");
            notJson.awaitClose();
        }

        String logged = logs.text();
        assertTrue(logged.contains("graphql operation"), "the capture saw the run's logs");
        assertFalse(logged.contains(TestKeys.CALLER_READ), "the connection_init key appeared in the logs");
        assertFalse(logged.contains(TestKeys.CALLER_WRITE), "the upgrade request's key appeared in the logs");
    }
}
