package app.tinylytics.gateway.hits;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.SiteStubs;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.testing.MovableClock;

@QuarkusTest
@TestProfile(WireMockProfile.class)
class HitsWireMockTest {

    static final String HITS_JSON = """
            {"hits": [{"id": 789, "url": "https://example.com/pricing", "path": "/pricing",
                       "referrer": "https://google.com", "country": "US", "browser_name": "Safari",
                       "platform_name": "macOS", "is_mobile": false, "source": "google",
                       "created_at": "2026-02-13T14:22:00Z"},
                      {"id": 790, "url": null, "path": "/", "referrer": null, "country": null,
                       "browser_name": "Chrome", "platform_name": "iOS", "is_mobile": true, "source": null,
                       "created_at": "2026-02-13T15:00:00+01:00"}],
             "pagination": {"current_page": 2, "per_page": 2, "total_count": 7, "total_pages": 4},
             "filters": {"start_date": "2026-02-13", "end_date": "2026-02-13", "time_zone": "user",
                         "country": null, "path": null, "referrer": null, "grouped": false}}""";

    static final String GROUPED_BY_PATH_JSON = """
            {"grouped_hits": [{"path": "/pricing", "views": 142, "unique_views": 98},
                              {"path": "/", "views": 60, "unique_views": 51}],
             "pagination": {"current_page": 1, "per_page": 100, "total_count": 2, "total_pages": 1},
             "filters": {"grouped": true, "group_by": "path"}}""";

    static final String GROUPED_BY_COUNTRY_JSON = """
            {"grouped_hits": [{"country": "US", "hit_count": 120}, {"country": null, "hit_count": 3}],
             "pagination": {"current_page": 1, "per_page": 100, "total_count": 2, "total_pages": 1},
             "filters": {"grouped": true, "group_by": "country"}}""";

    @InjectWireMock
    WireMockServer upstream;

    @Inject
    MovableClock clock;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void hitsMapsEveryUpstreamField() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.hits.nodes[0].id", equalTo("789"))
                .body("data.site.hits.nodes[0].url", equalTo("https://example.com/pricing"))
                .body("data.site.hits.nodes[0].path", equalTo("/pricing"))
                .body("data.site.hits.nodes[0].referrer", equalTo("https://google.com"))
                .body("data.site.hits.nodes[0].country", equalTo("US"))
                .body("data.site.hits.nodes[0].browserName", equalTo("Safari"))
                .body("data.site.hits.nodes[0].platformName", equalTo("macOS"))
                .body("data.site.hits.nodes[0].isMobile", equalTo(false))
                .body("data.site.hits.nodes[0].source", equalTo("google"))
                .body("data.site.hits.nodes[0].createdAt", equalTo("2026-02-13T14:22:00Z"))
                .body("data.site.hits.nodes[1].isMobile", equalTo(true))
                .body("data.site.hits.nodes[1].country", nullValue())
                // the same instant, normalised to UTC by the JSON mapping
                .body("data.site.hits.nodes[1].createdAt", equalTo("2026-02-13T14:00:00Z"))
                .body("data.site.hits.pageInfo.page", equalTo(2))
                .body("data.site.hits.pageInfo.perPage", equalTo(2))
                .body("data.site.hits.pageInfo.totalCount", equalTo(7))
                .body("data.site.hits.pageInfo.totalPages", equalTo(4))
                .body("data.site.hits.pageInfo.hasNextPage", equalTo(true))
                .body("data.site.hits.pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void listedHitsHaveNoUniqueOrVisitorHash() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").post()
                .body("data.site.hits.nodes[0].uniqueHash", nullValue())
                .body("data.site.hits.nodes[0].visitorHash", nullValue());
    }

    @Test
    void hitsWithoutArgumentsSendNoQueryParameters() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void hitsArgumentsBecomeUpstreamQueryParameters() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").variable("start", "2026-02-01").variable("end", "2026-02-13")
                .variable("timeZone", "ACCOUNT").variable("country", "US").variable("perPage", 50).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo(
                "/api/v1/sites/456/hits?country=US&end_date=2026-02-13&per_page=50&start_date=2026-02-01&time_zone=user")));
    }

    @Test
    void hitsPathReferrerAndPageAreSentAsGiven() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").variable("path", "/pricing").variable("referrer", "google")
                .variable("page", 2).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits?page=2&path=%2Fpricing&referrer=google")));
    }

    @Test
    void utcTimeZoneIsNotSent() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));

        GraphQL.document("hits").variable("id", "456").variable("timeZone", "UTC").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void hitGroupsByPathMapViewsAndUniqueViews() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(GROUPED_BY_PATH_JSON)));

        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "PATH").post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.groupBy", equalTo("PATH"))
                .body("data.site.hitGroups.nodes[0].key", equalTo("/pricing"))
                .body("data.site.hitGroups.nodes[0].count", equalTo(142))
                .body("data.site.hitGroups.nodes[0].uniqueCount", equalTo(98))
                .body("data.site.hitGroups.nodes[1].key", equalTo("/"))
                .body("data.site.hitGroups.pageInfo.totalCount", equalTo(2))
                .body("data.site.hitGroups.pageInfo.hasNextPage", equalTo(false));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits?group_by=path&grouped=true")));
    }

    @Test
    void hitGroupsByCountryMapHitCountAndNullKey() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(GROUPED_BY_COUNTRY_JSON)));

        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "COUNTRY").post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.groupBy", equalTo("COUNTRY"))
                .body("data.site.hitGroups.nodes[0].key", equalTo("US"))
                .body("data.site.hitGroups.nodes[0].count", equalTo(120))
                .body("data.site.hitGroups.nodes[0].uniqueCount", nullValue())
                .body("data.site.hitGroups.nodes[1].key", nullValue())
                .body("data.site.hitGroups.nodes[1].count", equalTo(3));
    }

    @Test
    void hitGroupsSendGroupByAndEveryFilter() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(GROUPED_BY_COUNTRY_JSON)));

        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "BROWSER_NAME")
                .variable("start", "2026-01-01").variable("end", "2026-01-31").variable("timeZone", "ACCOUNT")
                .variable("country", "PL").variable("path", "/").variable("referrer", "news").variable("page", 3)
                .variable("perPage", 1000).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits?country=PL&end_date=2026-01-31"
                + "&group_by=browser_name&grouped=true&page=3&path=%2F&per_page=1000&referrer=news"
                + "&start_date=2026-01-01&time_zone=user")));
    }

    @Test
    void everyGroupByValueIsSentInUpstreamSpelling() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(GROUPED_BY_COUNTRY_JSON)));

        for (HitGroupBy groupBy : HitGroupBy.values()) {
            GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", groupBy.name()).post()
                    .body("data.site.hitGroups.groupBy", equalTo(groupBy.name()));
        }

        for (String value : new String[] { "path", "country", "referrer", "browser_name", "platform_name", "source" }) {
            upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/hits?group_by=" + value + "&grouped=true")));
        }
    }

    @Test
    void startAfterEndIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits").variable("id", "456").variable("start", "2026-02-14").variable("end", "2026-02-13")
                .post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'start' must not be after 'end' (2026-02-14 > 2026-02-13)."))
                .body("errors[0].path", equalTo(List.of("site", "hits")));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void rangeOverMaxDaysIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits").variable("id", "456").variable("start", "2024-01-01").variable("end", "2026-01-01")
                .post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'start' must give a range of at most 730 days"));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void anEndBeforeTheDefaultStartOrAStartAfterTodayIsRejectedWithoutAnUpstreamCall() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        GraphQL.document("hits").variable("id", "456").variable("end", today.minusDays(31).toString()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'end' must not be before the default start, 30 days before"
                        + " today (" + today.minusDays(30) + "); give 'start' too."));
        GraphQL.document("hits").variable("id", "456").variable("start", today.plusDays(1).toString()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'start' must not be after the default end, today ("
                        + today + "); give 'end' too."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void openRangeIsMeasuredToTodayOfTheAppClock() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson(HITS_JSON)));
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(725).toString();

        GraphQL.document("hits").variable("id", "456").variable("start", start).post().body("errors", nullValue());
        clock.advance(Duration.ofDays(10));
        GraphQL.document("hits").variable("id", "456").variable("start", start).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void pageBelowOneIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits").variable("id", "456").variable("page", 0).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'page' must be at least 1."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void perPageAboveThousandIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits").variable("id", "456").variable("perPage", 1001).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 1000."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void perPageZeroIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "PATH").variable("perPage", 0).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 1000."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void lowerCaseCountryIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("hits").variable("id", "456").variable("country", "us").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'country' must be 2 upper-case letters, e.g. US or PL."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void groupedCountryIsValidatedToo() {
        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "PATH").variable("country", "USA")
                .post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }
}
