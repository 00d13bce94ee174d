package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

/**
 * HTTP caching of query answers over GET, as a browser's cache uses it: {@code private, max-age} from the freshness of
 * the reads the answer used, a weak ETag of its bytes, {@code 304} without a body for the same bytes and a full answer
 * once a write changed them; everything else {@code no-store}.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class HttpCachingWireMockTest {

    static final String ONE_KUDO = "{\"kudos\": [{\"id\": 1, \"uid\": \"k\", \"path\": \"/a\", \"created_at\": \"2026-02-10T08:15:00Z\"}]}";
    static final String TWO_KUDOS = "{\"kudos\": [{\"id\": 2, \"uid\": \"k2\", \"path\": \"/b\", \"created_at\": \"2026-02-14T10:00:00Z\"},"
            + " {\"id\": 1, \"uid\": \"k\", \"path\": \"/a\", \"created_at\": \"2026-02-10T08:15:00Z\"}]}";
    static final String KUDOS = PersistedQueryRequests.document("kudos");

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MovableClock clock;

    @BeforeEach
    void stubUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(ONE_KUDO)));
    }

    private static Response getKudos(String ifNoneMatch) {
        var request = given().accept("application/graphql-response+json")
                .queryParam("query", KUDOS).queryParam("variables", "{\"id\": \"456\"}");
        return (ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch)).get("/graphql");
    }

    private static long maxAge(Response response) {
        String cacheControl = response.header("Cache-Control");
        assertThat(cacheControl, startsWith("private, max-age="));
        return Long.parseLong(cacheControl.substring("private, max-age=".length()));
    }

    @Test
    void aQueryOverGetIsPrivateAndFreshForAsLongAsItsShortestLivedRead() {
        Response answer = getKudos(null);

        answer.then().statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k"))
                .header("ETag", startsWith("W/\"")).header("Vary", containsString("Authorization"))
                .header("Vary", containsString("Accept"));
        assertThat(maxAge(answer), greaterThan(50L)); // kudos are fresh for 60 s, the site for 5 min
        assertThat(maxAge(answer), lessThanOrEqualTo(60L));
    }

    @Test
    void theSameTagGets304WithoutABodyFromTheOperationCacheAndAfterItExpired() {
        String etag = getKudos(null).then().statusCode(200).extract().header("ETag");

        getKudos(etag).then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        clock.advance(Duration.ofSeconds(61)); // the answer is computed again, from a new upstream read
        Response revalidated = getKudos(etag);

        revalidated.then().statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        assertThat(maxAge(revalidated), greaterThan(50L));
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void aTagFromBeforeAWriteChangedTheDataGetsTheNewAnswer() {
        String before = getKudos(null).then().statusCode(200).extract().header("ETag");
        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "created", "kudo": {"id": 2, "uid": "k2", "path": "/b", "created_at": "2026-02-14T10:00:00Z"}}""")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(TWO_KUDOS)));
        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/b")).post()
                .body("data.giveKudo.status", equalTo("CREATED"));

        Response after = getKudos(before);

        after.then().statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k2"))
                .header("ETag", not(equalTo(before)));
    }

    @Test
    void anotherKeysTagIsAnotherAnswerOnlyIfTheBytesDiffer() {
        String etag = getKudos(null).then().statusCode(200).extract().header("ETag");
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(TWO_KUDOS)));

        given().accept("application/graphql-response+json").header("Authorization", TestKeys.bearer(TestKeys.CALLER_READ))
                .header("If-None-Match", etag).queryParam("query", KUDOS).queryParam("variables", "{\"id\": \"456\"}")
                .get("/graphql").then().statusCode(200).body("data.site.kudos.nodes[0].uid", equalTo("k2"));
    }

    @Test
    void answersOverPostAreNoStore() {
        GraphQL.document("kudos").variable("id", "456").post()
                .header("Cache-Control", "no-store").header("ETag", nullValue());
        GraphQL.document("kudos").variable("id", "456").post() // from the operation cache
                .header("Cache-Control", "no-store").header("ETag", nullValue());
    }

    @Test
    void personalFailedOrStaleAnswersAndRefusalsOverGetAreNoStore() {
        given().queryParam("query", "{ rateLimit { remaining } }").get("/graphql").then()
                .statusCode(200).header("Cache-Control", "no-store").header("ETag", nullValue());
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/457")).willReturn(aResponse().withStatus(500)));
        given().queryParam("query", "{ site(id: \"457\") { label } }").get("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .header("Cache-Control", "no-store").header("ETag", nullValue());
        given().queryParam("query", "{ nope }").get("/graphql").then()
                .statusCode(200).header("Cache-Control", "no-store");

        getKudos(null).then().statusCode(200);
        clock.advance(Duration.ofSeconds(61));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        getKudos(null).then().statusCode(200).body("extensions.cache.stale", equalTo(true))
                .header("Cache-Control", "no-store").header("ETag", nullValue());
    }

    @Test
    void anyTagMatchesAStar() {
        getKudos("*").then().statusCode(304);
    }
}
