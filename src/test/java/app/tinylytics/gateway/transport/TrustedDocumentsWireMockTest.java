package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Trusted-documents mode (a manifest of Kudos, Site and GiveKudo): the manifest's operations run by hash or sent in
 * full, over POST, GET and WebSocket; anything else, however it is sent, is refused before any upstream call.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsProfile.class)
class TrustedDocumentsWireMockTest {

    static final String KUDOS = PersistedQueryRequests.document("kudos");
    static final String GIVE_KUDO = PersistedQueryRequests.document("writes-give-kudo");
    static final String UNTRUSTED = "{ sites { id label } }";

    @InjectWireMock
    WireMockServer upstream;

    @TestHTTPResource("/graphql")
    URI graphql;

    @BeforeEach
    void stubUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(PersistedQueriesWireMockTest.KUDOS_JSON)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites")).willReturn(okJson("{\"sites\": []}")));
    }

    private void assertNoUpstreamCall() {
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aManifestOperationRunsByItsHashOverPostAndGet() {
        PersistedQueryRequests.hashOf(KUDOS).variable("id", "456").post().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
        PersistedQueryRequests.hashOf(KUDOS).variable("id", "456").get().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
    }

    @Test
    void aManifestOperationRunsWhenSentInFullWithOrWithoutItsHash() {
        given().contentType("application/json").body(Map.of("query", KUDOS, "variables", Map.of("id", "456")))
                .post("/graphql").then().statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
        PersistedQueryRequests.register(KUDOS).variable("id", "456").get().then()
                .statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"));
    }

    private static ValidatableResponse notTrusted(io.restassured.response.Response response) {
        return response.then().statusCode(400).body("errors[0].extensions.code", equalTo("OPERATION_NOT_TRUSTED"));
    }

    @Test
    void anyOtherDocumentIsRefusedOverPostAndGetWithoutAnUpstreamCall() {
        notTrusted(given().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", UNTRUSTED)).post("/graphql"));
        notTrusted(given().accept("application/graphql-response+json").queryParam("query", UNTRUSTED).get("/graphql"));
        notTrusted(given().accept("application/graphql-response+json").contentType("application/graphql; charset=utf-8")
                .header("GraphQL-Require-Preflight", "1").body(UNTRUSTED.getBytes(StandardCharsets.UTF_8)).post("/graphql"));

        assertNoUpstreamCall();
    }

    @Test
    void aManifestDocumentReformattedIsAnotherDocument() {
        String reformatted = KUDOS.replace("\n", " ");

        notTrusted(PersistedQueryRequests.register(reformatted).variable("id", "456").post());
        assertNoUpstreamCall();
    }

    @Test
    void registeringADocumentIsRefusedAndKeepsNothing() {
        notTrusted(PersistedQueryRequests.register(UNTRUSTED).post());

        PersistedQueryRequests.hashOf(UNTRUSTED).post().then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_NOT_FOUND"));
        assertNoUpstreamCall();
    }

    @Test
    void aManifestHashWithAnotherDocumentIsAMismatch() {
        PersistedQueryRequests.withHash(Sha256.hex(KUDOS)).query(UNTRUSTED).post().then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
        PersistedQueryRequests.withHash(Sha256.hex(KUDOS)).query(UNTRUSTED).get().then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("PERSISTED_QUERY_HASH_MISMATCH"));
        assertNoUpstreamCall();
    }

    @Test
    void introspectionIsNotInTheManifestSoItIsRefused() {
        notTrusted(given().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", "{ __schema { queryType { name } } }")).post("/graphql"));
        notTrusted(given().accept("application/graphql-response+json").contentType("application/json")
                .body(Map.of("query", "{ __typename }")).post("/graphql"));
    }

    @Test
    void aManifestMutationRunsByItsHashOverPostOnly() {
        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "created", "kudo": {"id": 2, "uid": "k2", "path": "/b", "created_at": "2026-02-14T10:00:00Z"}}""")));
        Map<String, Object> kudo = Map.of("path", "/b");

        PersistedQueryRequests.hashOf(GIVE_KUDO).variable("siteId", "456").variable("kudo", kudo).get().then()
                .statusCode(405);
        PersistedQueryRequests.hashOf(GIVE_KUDO).variable("siteId", "456").variable("kudo", kudo).post().then()
                .statusCode(200).body("data.giveKudo.status", equalTo("CREATED"));
    }

    @Test
    void overWebSocketTheSameRuleHolds() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.send(Map.of("id", "1", "type", "subscribe", "payload", Map.of("variables", Map.of("id", "456"),
                    "extensions", PersistedQueryRequests.extensions(Sha256.hex(KUDOS)))));
            assertThat(client.untilDone("1").get(0).at("/payload/data/site/kudos/nodes/0/uid").asText(), equalTo("k"));

            client.subscribe("2", UNTRUSTED);
            assertThat(code(client.untilDone("2").get(0)), equalTo("OPERATION_NOT_TRUSTED"));
            client.subscribe("3", "subscription { siteUpdates(id: \"456\") { label } }");
            assertThat(code(client.untilDone("3").get(0)), equalTo("OPERATION_NOT_TRUSTED"));
            client.send(Map.of("id", "4", "type", "subscribe", "payload",
                    Map.of("extensions", PersistedQueryRequests.extensions(Sha256.hex(UNTRUSTED)))));
            assertThat(code(client.untilDone("4").get(0)), equalTo("PERSISTED_QUERY_NOT_FOUND"));
        }
        upstream.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/sites")));
    }

    private static String code(JsonNode error) {
        assertThat(error.path("type").asText(), equalTo("error"));
        return error.at("/payload/0/extensions/code").asText();
    }
}
