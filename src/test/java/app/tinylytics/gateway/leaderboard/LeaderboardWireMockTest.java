package app.tinylytics.gateway.leaderboard;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class LeaderboardWireMockTest {

    static final String LEADERBOARD_JSON = """
            {"leaderboard": [{"path": "/blog/hello-world", "total_hits": 540, "unique_hits": 320, "percentage": 12.5}],
             "site": {"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog"},
             "pagination": {"current_page": 1, "per_page": 100, "total_count": 1, "total_pages": 1},
             "cache_info": {"cached_at": "2026-02-14T09:00:00Z", "expires_at": "2026-02-14T10:00:00Z"},
             "filters": {"path": "blog"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @Test
    void leaderboardMapsEveryUpstreamField() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard")).willReturn(okJson(LEADERBOARD_JSON)));

        GraphQL.document("leaderboard").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.leaderboard.entries[0].path", equalTo("/blog/hello-world"))
                .body("data.site.leaderboard.entries[0].totalHits", equalTo(540))
                .body("data.site.leaderboard.entries[0].uniqueHits", equalTo(320))
                .body("data.site.leaderboard.entries[0].percentage", equalTo(12.5f))
                .body("data.site.leaderboard.pageInfo.totalCount", equalTo(1))
                .body("data.site.leaderboard.pageInfo.perPage", equalTo(100))
                .body("data.site.leaderboard.cachedAt", equalTo("2026-02-14T09:00:00Z"))
                .body("data.site.leaderboard.expiresAt", equalTo("2026-02-14T10:00:00Z"));
    }

    @Test
    void leaderboardWithoutCacheInfoHasNullCacheTimes() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard")).willReturn(okJson("""
                {"leaderboard": [], "pagination": {"current_page": 1, "per_page": 100, "total_count": 0, "total_pages": 0}}""")));

        GraphQL.document("leaderboard").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.leaderboard.entries.size()", equalTo(0))
                .body("data.site.leaderboard.cachedAt", nullValue())
                .body("data.site.leaderboard.expiresAt", nullValue());
    }

    @Test
    void leaderboardWithoutArgumentsSendsNoQueryParameters() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard")).willReturn(okJson(LEADERBOARD_JSON)));

        GraphQL.document("leaderboard").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/leaderboard")));
    }

    @Test
    void leaderboardArgumentsBecomeUpstreamQueryParameters() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard")).willReturn(okJson(LEADERBOARD_JSON)));

        GraphQL.document("leaderboard").variable("id", "456").variable("path", "blog").variable("page", 2)
                .variable("perPage", 25).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/leaderboard?page=2&path=blog&per_page=25")));
    }

    @Test
    void leaderboardPerPageAboveThousandIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("leaderboard").variable("id", "456").variable("perPage", 1001).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 1000."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));
    }

    @Test
    void leaderboardPageBelowOneIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("leaderboard").variable("id", "456").variable("page", 0).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'page' must be at least 1."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));
    }
}
