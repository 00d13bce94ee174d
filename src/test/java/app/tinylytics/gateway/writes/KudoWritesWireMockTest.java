package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class KudoWritesWireMockTest {

    static final String KUDOS_URL = "/api/v1/sites/456/kudos";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void giveKudoSendsPathAndCustomUidAndReturnsTheCreatedKudo() {
        upstream.stubFor(post(KUDOS_URL).willReturn(created("""
                {"status": "created", "kudo": {"id": 321, "uid": "pricing-kudo-1", "path": "/pricing",
                 "created_at": "2026-02-14T10:00:00Z"}}""")));

        GraphQL.document("writes-give-kudo").variable("siteId", "456")
                .variable("kudo", Map.of("path", "/pricing", "customUid", "pricing-kudo-1")).post()
                .body("errors", nullValue())
                .body("data.giveKudo.status", equalTo("CREATED"))
                .body("data.giveKudo.kudo.id", equalTo("321"))
                .body("data.giveKudo.kudo.uid", equalTo("pricing-kudo-1"))
                .body("data.giveKudo.kudo.path", equalTo("/pricing"))
                .body("data.giveKudo.kudo.createdAt", equalTo("2026-02-14T10:00:00Z"));

        upstream.verify(1, postRequestedFor(urlEqualTo(KUDOS_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE)))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"path\": \"/pricing\", \"custom_uid\": \"pricing-kudo-1\"}", false, false)));
    }

    @Test
    void giveKudoWithoutCustomUidOmitsIt() {
        upstream.stubFor(post(KUDOS_URL).willReturn(created("""
                {"status": "created", "kudo": {"id": 322, "uid": "gen-1", "path": "/a", "created_at": "2026-02-14T10:00:00Z"}}""")));

        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a")).post()
                .body("data.giveKudo.kudo.uid", equalTo("gen-1"));

        upstream.verify(1, postRequestedFor(urlEqualTo(KUDOS_URL)).withRequestBody(equalToJson("{\"path\": \"/a\"}", false, false)));
    }

    @Test
    void ignoredKudoIsIgnoredWithTheReason() {
        upstream.stubFor(post(KUDOS_URL).willReturn(json(202, "{\"status\": \"ignored\", \"reason\": \"Path matches ignore rule\"}")));

        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/admin")).post()
                .body("errors", nullValue())
                .body("data.giveKudo.status", equalTo("IGNORED"))
                .body("data.giveKudo.reason", equalTo("Path matches ignore rule"))
                .body("data.giveKudo.kudo", nullValue());
    }

    @Test
    void blankKudoPathIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "")).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'kudo.path' must not be blank."));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void deleteKudoSendsADeleteForTheUidWithTheWriteKey() {
        upstream.stubFor(delete(KUDOS_URL + "/pricing-kudo-1")
                .willReturn(json(200, "{\"status\": \"deleted\", \"uid\": \"pricing-kudo-1\"}")));

        GraphQL.document("writes-delete-kudo").variable("siteId", "456").variable("uid", "pricing-kudo-1").post()
                .body("errors", nullValue())
                .body("data.deleteKudo.deleted", equalTo(true))
                .body("data.deleteKudo.uid", equalTo("pricing-kudo-1"));

        upstream.verify(1, deleteRequestedFor(urlEqualTo(KUDOS_URL + "/pricing-kudo-1"))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_WRITE))));
    }

    @Test
    void deletingAnUnknownKudoIsNotFound() {
        upstream.stubFor(delete(KUDOS_URL + "/nope").willReturn(json(404, "{\"error\": \"Kudo not found\"}")));

        GraphQL.document("writes-delete-kudo").variable("siteId", "456").variable("uid", "nope").post()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void nonNumericSiteIdIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("writes-delete-kudo").variable("siteId", "my-blog").variable("uid", "k").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'siteId' must be a numeric site id (a positive integer)."));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }
}
