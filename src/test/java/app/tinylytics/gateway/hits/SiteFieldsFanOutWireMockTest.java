package app.tinylytics.gateway.hits;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/** The analytics fields of one site resolve independently: concurrently, and each failing on its own. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class SiteFieldsFanOutWireMockTest {

    static final int DELAY_MS = 1500;

    static final String HITS_JSON = """
            {"hits": [{"id": 789, "path": "/pricing", "is_mobile": false, "created_at": "2026-02-13T14:22:00Z"}]}""";
    static final String GROUPED_JSON = """
            {"grouped_hits": [{"country": "US", "hit_count": 120}]}""";
    static final String KUDOS_JSON = """
            {"kudos": [{"id": 321, "uid": "pricing-kudo-1", "path": "/pricing", "created_at": "2026-02-10T08:15:00Z"}]}""";
    static final String LEADERBOARD_JSON = """
            {"leaderboard": [{"path": "/blog/hello-world", "total_hits": 540, "unique_hits": 320, "percentage": 12.5}],
             "cache_info": {"cached_at": "2026-02-14T09:00:00Z", "expires_at": "2026-02-14T10:00:00Z"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    /**
     * Concurrency shown by upstream's own log rather than a stopwatch: had the fields been fetched one after another,
     * each request would reach upstream only after the previous answer, at least {@link #DELAY_MS} later. All four
     * arriving within one delay of the first means they were in flight together.
     */
    @Test
    void fourSiteFieldsAreFetchedConcurrently() {
        stubSiteFields(DELAY_MS);

        GraphQL.document("hits-kudos-leaderboard-fanout").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.hits.nodes[0].id", equalTo("789"))
                .body("data.site.hitGroups.nodes[0].key", equalTo("US"))
                .body("data.site.kudos.nodes[0].uid", equalTo("pricing-kudo-1"))
                .body("data.site.leaderboard.entries[0].path", equalTo("/blog/hello-world"));

        List<Long> arrivals = upstream.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().matches("/api/v1/sites/456/.+"))
                .map(event -> event.getRequest().getLoggedDate().getTime())
                .sorted().toList();
        assertEquals(4, arrivals.size(), "hits, hit groups, kudos and leaderboard each went upstream");
        assertThat("ms between the first and the last field's upstream request", arrivals.get(3) - arrivals.get(0),
                lessThan((long) DELAY_MS));
    }

    @Test
    void failingHitsFailAloneWhileKudosReturnData() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Internal Server Error\"}")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(KUDOS_JSON)));

        GraphQL.document("hits-and-kudos").variable("id", "456").post()
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"))
                .body("errors[0].path", equalTo(List.of("withHits", "hits")))
                .body("data.withKudos.id", equalTo("456"))
                .body("data.withKudos.kudos.nodes[0].uid", equalTo("pricing-kudo-1"));
    }

    private void stubSiteFields(int delayMs) {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).withQueryParam("grouped", WireMock.absent())
                .willReturn(okJson(HITS_JSON).withFixedDelay(delayMs)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).withQueryParam("grouped", WireMock.equalTo("true"))
                .willReturn(okJson(GROUPED_JSON).withFixedDelay(delayMs)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson(KUDOS_JSON).withFixedDelay(delayMs)));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard"))
                .willReturn(okJson(LEADERBOARD_JSON).withFixedDelay(delayMs)));
    }
}
