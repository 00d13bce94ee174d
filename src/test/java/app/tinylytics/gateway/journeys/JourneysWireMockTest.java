package app.tinylytics.gateway.journeys;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.contains;
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
class JourneysWireMockTest {

    static final String JOURNEYS_JSON = """
            {"user_journeys": [{"visitor_hash": "v1a2b3", "page_count": 4,
                                "first_hit": "2026-01-15T10:00:00Z", "last_hit": "2026-01-15T10:12:00Z",
                                "duration_minutes": 12,
                                "pages": [{"path": "/"}, {"path": "/blog"}, {"path": "/blog/hello-world"}, {"path": "/pricing"}],
                                "entry_page": "/", "exit_page": "/pricing", "session_duration": 720,
                                "referrer": "https://google.com", "country": "DE", "browser": "Firefox"}],
             "summary": {"total_visitors": 230, "multi_page_visitors": 95, "single_page_visitors": 135, "bounce_rate": 58.7},
             "insights": {"top_entry_pages": [{"path": "/", "visitors": 120}, {"path": "/blog", "visitors": 45}],
                          "top_exit_pages": [{"path": "/pricing", "visitors": 60}, {"path": "/blog/hello-world", "visitors": 30}]},
             "pagination": {"current_page": 1, "per_page": 50, "total_count": 230, "total_pages": 5},
             "filters": {"start_date": "2026-01-01", "end_date": "2026-01-31", "time_zone": "user"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/user_journeys")).willReturn(okJson(JOURNEYS_JSON)));
    }

    @Test
    void journeysMapEveryUpstreamField() {
        GraphQL.document("journeys").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.journeys.nodes[0].visitorHash", equalTo("v1a2b3"))
                .body("data.site.journeys.nodes[0].pageCount", equalTo(4))
                .body("data.site.journeys.nodes[0].firstHit", equalTo("2026-01-15T10:00:00Z"))
                .body("data.site.journeys.nodes[0].lastHit", equalTo("2026-01-15T10:12:00Z"))
                .body("data.site.journeys.nodes[0].durationMinutes", equalTo(12))
                .body("data.site.journeys.nodes[0].sessionDurationSeconds", equalTo(720))
                .body("data.site.journeys.nodes[0].paths", contains("/", "/blog", "/blog/hello-world", "/pricing"))
                .body("data.site.journeys.nodes[0].entryPage", equalTo("/"))
                .body("data.site.journeys.nodes[0].exitPage", equalTo("/pricing"))
                .body("data.site.journeys.nodes[0].referrer", equalTo("https://google.com"))
                .body("data.site.journeys.nodes[0].country", equalTo("DE"))
                .body("data.site.journeys.nodes[0].browser", equalTo("Firefox"))
                .body("data.site.journeys.pageInfo.totalCount", equalTo(230))
                .body("data.site.journeys.pageInfo.totalPages", equalTo(5))
                .body("data.site.journeys.pageInfo.hasNextPage", equalTo(true))
                .body("data.site.journeys.summary.totalVisitors", equalTo(230))
                .body("data.site.journeys.summary.multiPageVisitors", equalTo(95))
                .body("data.site.journeys.summary.singlePageVisitors", equalTo(135))
                .body("data.site.journeys.summary.bounceRate", equalTo(58.7f))
                .body("data.site.journeys.topEntryPages[0].path", equalTo("/"))
                .body("data.site.journeys.topEntryPages[0].visitors", equalTo(120))
                .body("data.site.journeys.topEntryPages[1].path", equalTo("/blog"))
                .body("data.site.journeys.topExitPages[0].path", equalTo("/pricing"))
                .body("data.site.journeys.topExitPages[0].visitors", equalTo(60))
                .body("data.site.journeys.topExitPages[1].visitors", equalTo(30));
    }

    @Test
    void journeysWithoutArgumentsSendNoQueryParameters() {
        GraphQL.document("journeys").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/user_journeys")));
    }

    @Test
    void journeysArgumentsBecomeUpstreamQueryParameters() {
        GraphQL.document("journeys").variable("id", "456").variable("start", "2026-01-01").variable("end", "2026-01-31")
                .variable("timeZone", "ACCOUNT").variable("page", 2).variable("perPage", 50).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo(
                "/api/v1/sites/456/user_journeys?end_date=2026-01-31&page=2&per_page=50&start_date=2026-01-01&time_zone=user")));
    }

    @Test
    void journeysPerPageAboveFiftyIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("journeys").variable("id", "456").variable("perPage", 51).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 50."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/user_journeys")));
    }

    @Test
    void journeysRangeOverMaxDaysIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("journeys").variable("id", "456").variable("start", "2023-01-01").variable("end", "2025-01-02")
                .post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/user_journeys")));
    }
}
