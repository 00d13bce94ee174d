package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.security.SecurityFixtures;
import app.tinylytics.gateway.security.ServerKeys;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** Which key a mutation uses, when it is refused, and that only POST runs mutations. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class WriteKeysWireMockTest {

    static final String KUDOS_URL = "/api/v1/sites/456/kudos";
    static final String CREATED_KUDO = """
            {"status": "created", "kudo": {"id": 321, "uid": "k-1", "path": "/pricing", "created_at": "2026-02-14T10:00:00Z"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void forwardedFullAccessKeyIsUsedInsteadOfTheServerWriteKey() {
        upstream.stubFor(post(KUDOS_URL).willReturn(created(CREATED_KUDO)));

        giveKudo().withKey(TestKeys.CALLER_WRITE).post().body("errors", nullValue());

        upstream.verify(1, postRequestedFor(urlEqualTo(KUDOS_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.CALLER_WRITE))));
    }

    @Test
    void forwardedReadOnlyKeyGoesUpstreamAndItsRefusalIsForbidden() {
        upstream.stubFor(post(KUDOS_URL).willReturn(json(403, "{\"error\": \"Write access required\"}")));

        giveKudo().withKey(TestKeys.CALLER_READ).post()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        upstream.verify(1, postRequestedFor(urlEqualTo(KUDOS_URL))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    /**
     * A gateway deployed without server keys: the production {@link ServerKeys}, built without any, replaces the
     * profile's for this one test, so no extra test profile (and app restart) is needed.
     */
    @Test
    void withoutAnyFullAccessKeyTheMutationIsForbiddenWithoutAnUpstreamCall() {
        QuarkusMock.installMockForType(SecurityFixtures.serverKeys(null, null), ServerKeys.class);

        giveKudo().post()
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    /** SmallRye's GET is off; {@link MutationsOnlyOverPost} would refuse this too were it switched on. */
    @Test
    void aMutationSentOverGetIsRefusedAndNotExecuted() {
        upstream.stubFor(post(KUDOS_URL).willReturn(created(CREATED_KUDO)));

        given().queryParam("query", "mutation { giveKudo(siteId: \"456\", kudo: {path: \"/pricing\"}) { status } }")
                .get("/graphql")
                .then().statusCode(405);

        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    private static GraphQL giveKudo() {
        return GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/pricing"));
    }
}
