package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

/**
 * Whole answers reused for the same key and operation while every read they used is fresh and unchanged: no GraphQL
 * execution, no upstream call; never across keys, never after a write changed a read, never for a personal answer.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class OperationCacheTest {

    static final String KUDOS = "{\"kudos\": [{\"id\": 1, \"uid\": \"k\", \"path\": \"/a\", \"created_at\": \"2026-02-10T08:15:00Z\"}]}";

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MeterRegistry registry;
    @Inject
    MovableClock clock;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(KUDOS)));
    }

    private double hits() {
        return registry.counter("gateway.operation.cache.requests", "result", "hit").count();
    }

    private static GraphQL kudos() {
        return GraphQL.document("kudos").variable("id", "456");
    }

    @Test
    void theSameOperationAskedAgainIsAnsweredFromCacheWithTheSameBody() {
        String first = kudos().post().body("data.site.kudos.nodes[0].uid", equalTo("k")).extract().asString();
        double before = hits();

        String again = kudos().post().extract().asString();

        assertEquals(first, again);
        assertEquals(before + 1, hits());
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void otherVariablesOrAnotherKeyAreAnotherAnswer() {
        kudos().post();
        kudos().variable("page", 2).post();
        kudos().withKey(TestKeys.CALLER_READ).post();

        upstream.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void aWriteThatChangesAReadDropsTheAnswersThatUsedIt() {
        kudos().post();
        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"status": "created", "kudo": {"id": 2, "uid": "k2", "path": "/b", "created_at": "2026-02-14T10:00:00Z"}}""")));
        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/b")).post()
                .body("data.giveKudo.status", equalTo("CREATED"));

        kudos().post();

        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void anAnswerLastsAsLongAsTheShortestLivedReadItUsed() {
        kudos().post();
        clock.advance(Duration.ofSeconds(61)); // kudos are fresh for 60 s

        kudos().post();

        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
    }

    @Test
    void personalOrFailedAnswersAreNeverReused() {
        double before = hits();
        GraphQL.document("rate-limit").post();
        GraphQL.document("rate-limit").post();
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/457")).willReturn(aResponse().withStatus(500)));
        GraphQL.document("site").variable("id", "457").post().body("data.site", nullValue());
        GraphQL.document("site").variable("id", "457").post();

        assertEquals(before, hits());
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/457")));
    }
}
