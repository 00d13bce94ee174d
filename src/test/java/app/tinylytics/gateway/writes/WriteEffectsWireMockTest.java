package app.tinylytics.gateway.writes;

import static app.tinylytics.gateway.writes.UpstreamAnswers.created;
import static app.tinylytics.gateway.writes.UpstreamAnswers.json;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** A write drops exactly the cached reads it can change, so the next read asks upstream again. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class WriteEffectsWireMockTest {

    static final String NO_KUDOS = "{\"kudos\": [], \"pagination\": {\"current_page\": 1, \"per_page\": 100, \"total_count\": 0, \"total_pages\": 0}}";

    @InjectWireMock
    WireMockServer upstream;

    @Inject
    TinylyticsClient tinylytics;
    @Inject
    KeyIdentities identities;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(NO_KUDOS)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/457/kudos")).willReturn(okJson(NO_KUDOS)));
    }

    @Test
    void givingAKudoDropsThatSitesCachedKudosOnly() {
        readKudos(456);
        readKudos(457);

        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(created("""
                {"status": "created", "kudo": {"id": 1, "uid": "k", "path": "/a", "created_at": "2026-02-14T10:00:00Z"}}""")));
        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a")).post()
                .body("data.giveKudo.status", equalTo("CREATED"));

        readKudos(456);
        readKudos(457);
        upstream.verify(2, getRequestedFor(urlEqualTo("/api/v1/sites/456/kudos")));
        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/457/kudos")));
    }

    @Test
    void anIgnoredKudoKeepsTheCache() {
        readKudos(456);

        upstream.stubFor(post("/api/v1/sites/456/kudos").willReturn(json(202, "{\"status\": \"ignored\", \"reason\": \"r\"}")));
        GraphQL.document("writes-give-kudo").variable("siteId", "456").variable("kudo", Map.of("path", "/a")).post()
                .body("data.giveKudo.status", equalTo("IGNORED"));

        readKudos(456);
        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/kudos")));
    }

    private void readKudos(long siteId) {
        tinylytics.kudos(UpstreamAuth.forwarded(identities.of(TestKeys.SERVER_READ)), siteId, UpstreamQuery.create()).await().indefinitely();
    }
}
