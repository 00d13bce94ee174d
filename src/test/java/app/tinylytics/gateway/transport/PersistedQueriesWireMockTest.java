package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Automatic persisted queries as Apollo Client and urql speak them, over POST, GET and WebSocket: an unknown hash is
 * PERSISTED_QUERY_NOT_FOUND, a hash with its document registers it (only a document that is the hash's, parses and
 * validates), and a known hash runs its document. Hostile registrations store nothing and reach no upstream.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class PersistedQueriesWireMockTest {

    static final String KUDOS_JSON = "{\"kudos\": [{\"id\": 1, \"uid\": \"k\", \"path\": \"/a\", \"created_at\": \"2026-02-10T08:15:00Z\"}]}";
    /** Each test registers documents of its own (the store outlives a test): a unique comment makes them so. */
    private static int documents;

    @InjectWireMock
    WireMockServer upstream;

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void stubUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(KUDOS_JSON)));
    }

    /** The Kudos test document, made unique to this test so nothing registered earlier knows it. */
    private static String kudosDocument() {
        return "# persisted " + (++documents) + "\n" + PersistedQueryRequests.document("kudos");
    }

    @Test
    void anUnknownHashIsPersistedQueryNotFoundAsARequestErrorWithoutAnUpstreamCall() {
        String document = kudosDocument();

        PersistedQueryRequests.hashOf(document).variable("id", "456").post().then()
                .statusCode(400).header("Cache-Control", "no-store")
                .body("errors[0].message", equalTo("PersistedQueryNotFound"))
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"))
                .body("data", nullValue());
        PersistedQueryRequests.hashOf(document).variable("id", "456").accept("application/json").get().then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aHashSentWithItsDocumentRegistersItAndThenTheHashAloneRunsItOverPostAndGet() {
        String document = kudosDocument();

        PersistedQueryRequests.register(document).variable("id", "456").post().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
        PersistedQueryRequests.hashOf(document).variable("id", "456").post().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
        PersistedQueryRequests.hashOf(document).variable("id", "456").get().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
    }

    @Test
    void aDocumentRegisteredOverGetRunsByItsHashOverPost() {
        String document = kudosDocument();

        PersistedQueryRequests.register(document).variable("id", "456").get().then().statusCode(200);

        PersistedQueryRequests.hashOf(document).variable("id", "456").post().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
    }

    @Test
    void aDocumentSentWithTheHashOfAnotherIsRefusedAndStoredUnderNeither() {
        String document = kudosDocument();
        String other = "{ sites { id } }";

        PersistedQueryRequests.withHash(Sha256.hex(other)).query(document).variable("id", "456").post().then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"))
                .body("errors[0].message", containsString("not the SHA-256 of 'query'"));

        PersistedQueryRequests.hashOf(other).post().then()
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        PersistedQueryRequests.hashOf(document).variable("id", "456").post().then()
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aHugeDocumentWithAValidLookingHashIsAMismatchBeforeAnythingElse() {
        String huge = "{ __typename }" + " ".repeat(1_500_000);

        PersistedQueryRequests.withHash("ab".repeat(32)).query(huge).post().then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
    }

    @Test
    void aLargeDocumentWithItsOwnHashRunsButIsNotKept() {
        String large = "{ __typename } #" + "x".repeat(100_000); // a 64th of the 4M store is about 65,000 characters

        PersistedQueryRequests.register(large).post().then().statusCode(200).body("data.__typename", equalTo("Query"));

        PersistedQueryRequests.hashOf(large).post().then()
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    @Test
    void aDocumentThatDoesNotValidateIsRefusedAndNotKept() {
        String invalid = "# persisted " + (++documents) + "\n{ site(id: \"456\") { noSuchField } }";

        PersistedQueryRequests.register(invalid).post().then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"));

        PersistedQueryRequests.hashOf(invalid).post().then()
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anotherVersionOrAMalformedPersistedQueryIsABadRequest() {
        String document = "{ __typename }";
        Map<String, Object> version2 = Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", Sha256.hex(document)));
        Map<String, Object> shortHash = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc"));
        Map<String, Object> notAnObject = Map.of("persistedQuery", "yes");

        postExtensions(version2).then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", containsString("version 1"));
        postExtensions(shortHash).then().statusCode(400).body("errors[0].message", containsString("64 hex digits"));
        postExtensions(notAnObject).then().statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    private static io.restassured.response.Response postExtensions(Map<String, Object> extensions) {
        return io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("query", "{ __typename }", "extensions", extensions)).post("/graphql");
    }

    @Test
    void aRegisteredMutationRunsByItsHashOverPostButNotOverGet() {
        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "created", "kudo": {"id": 2, "uid": "k2", "path": "/b", "created_at": "2026-02-14T10:00:00Z"}}""")));
        String mutation = "# persisted " + (++documents) + "\n" + PersistedQueryRequests.document("writes-give-kudo");
        Map<String, Object> kudo = Map.of("path", "/b");

        PersistedQueryRequests.register(mutation).variable("siteId", "456").variable("kudo", kudo).post().then()
                .statusCode(200).body("data.giveKudo.status", equalTo("CREATED"));
        PersistedQueryRequests.hashOf(mutation).variable("siteId", "456").variable("kudo", kudo).get().then()
                .statusCode(405).body("errors[0].extensions.code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void aWebSocketSubscribeMayNameARegisteredDocumentByItsHash() {
        String document = kudosDocument();
        PersistedQueryRequests.register(document).variable("id", "456").post().then().statusCode(200);

        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("variables", Map.of("id", "456"),
                    "extensions", PersistedQueryRequests.extensions(Sha256.hex(document)))));
            assertThat(client.untilDone("1").get(0).at("/payload/data/site/kudos/nodes/0/uid").asText(), equalTo("k"));

            client.send(Map.of("id", "2", "type", "subscribe", "payload",
                    Map.of("extensions", PersistedQueryRequests.extensions(Sha256.hex("{ unknown }")))));
            assertThat(client.untilDone("2").get(0).at("/payload/0/extensions/code").asText(),
                    equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }
}
