package app.tinylytics.gateway.uptime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
class UptimeWireMockTest {

    /** The reference example of GET /sites/456/uptime. */
    static final String UPTIME_JSON = """
            {
              "monitor": {
                "id": 101,
                "url": "https://example.com",
                "enabled": true,
                "is_down": false,
                "uptime": 99.95,
                "last_check_at": "2026-02-14T09:55:00Z",
                "next_check_at": "2026-02-14T10:00:00Z",
                "last_status_code": 200,
                "last_error_message": null,
                "status_description": "Up",
                "current_check_interval": 300,
                "period": "30d",
                "ssl": {"expires_at": "2026-08-01T00:00:00Z", "valid": true, "expiring_soon": false,
                        "expired": false, "days_until_expiry": 168},
                "domain": {"tested_at": "2026-02-14T00:00:00Z", "expires_at": "2027-06-01T00:00:00Z",
                           "remaining_days": 472, "source": "whois", "expired": false, "expiring_soon": false,
                           "days_until_expiry": 472},
                "auto_paused": false,
                "created_at": "2025-06-01T12:00:00Z",
                "updated_at": "2026-02-14T09:55:00Z"
              },
              "downtimes": [
                {
                  "id": 55,
                  "error": "Connection timed out",
                  "started_at": "2026-02-10T03:00:00Z",
                  "ended_at": "2026-02-10T03:15:00Z",
                  "duration": 900,
                  "duration_in_words": "15 minutes",
                  "partial": false,
                  "ongoing": false
                }
              ],
              "pagination": {"current_page": 1, "per_page": 100, "total_count": 1, "total_pages": 1},
              "summary": {"total_downtimes": 3, "ongoing_downtimes": 0, "recent_downtimes_30_days": 1}
            }""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @Test
    void referenceMonitorMapsToEveryField() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(okJson(UPTIME_JSON)));

        String monitor = "data.site.uptime.monitor";
        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(monitor + ".id", equalTo("101"))
                .body(monitor + ".url", equalTo("https://example.com"))
                .body(monitor + ".enabled", equalTo(true))
                .body(monitor + ".isDown", equalTo(false))
                .body(monitor + ".uptimePercent", equalTo(99.95f))
                .body(monitor + ".lastCheckAt", equalTo("2026-02-14T09:55:00Z"))
                .body(monitor + ".nextCheckAt", equalTo("2026-02-14T10:00:00Z"))
                .body(monitor + ".lastStatusCode", equalTo(200))
                .body(monitor + ".lastErrorMessage", nullValue())
                .body(monitor + ".statusDescription", equalTo("Up"))
                .body(monitor + ".checkIntervalSeconds", equalTo(300))
                .body(monitor + ".period", equalTo("30d"))
                .body(monitor + ".autoPaused", equalTo(false))
                .body(monitor + ".createdAt", equalTo("2025-06-01T12:00:00Z"))
                .body(monitor + ".updatedAt", equalTo("2026-02-14T09:55:00Z"));
    }

    @Test
    void referenceSslAndDomainMapToEveryField() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(okJson(UPTIME_JSON)));

        String ssl = "data.site.uptime.monitor.ssl";
        String domain = "data.site.uptime.monitor.domain";
        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(ssl + ".expiresAt", equalTo("2026-08-01T00:00:00Z"))
                .body(ssl + ".valid", equalTo(true))
                .body(ssl + ".expiringSoon", equalTo(false))
                .body(ssl + ".expired", equalTo(false))
                .body(ssl + ".daysUntilExpiry", equalTo(168))
                .body(domain + ".testedAt", equalTo("2026-02-14T00:00:00Z"))
                .body(domain + ".expiresAt", equalTo("2027-06-01T00:00:00Z"))
                .body(domain + ".remainingDays", equalTo(472))
                .body(domain + ".source", equalTo("whois"))
                .body(domain + ".expired", equalTo(false))
                .body(domain + ".expiringSoon", equalTo(false))
                .body(domain + ".daysUntilExpiry", equalTo(472));
    }

    @Test
    void referenceDowntimesPaginationAndSummaryMapToEveryField() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(okJson(UPTIME_JSON)));

        String downtime = "data.site.uptime.downtimes[0]";
        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(downtime + ".id", equalTo("55"))
                .body(downtime + ".error", equalTo("Connection timed out"))
                .body(downtime + ".startedAt", equalTo("2026-02-10T03:00:00Z"))
                .body(downtime + ".endedAt", equalTo("2026-02-10T03:15:00Z"))
                .body(downtime + ".durationSeconds", equalTo(900))
                .body(downtime + ".durationInWords", equalTo("15 minutes"))
                .body(downtime + ".partial", equalTo(false))
                .body(downtime + ".ongoing", equalTo(false))
                .body("data.site.uptime.pageInfo.page", equalTo(1))
                .body("data.site.uptime.pageInfo.perPage", equalTo(100))
                .body("data.site.uptime.pageInfo.totalCount", equalTo(1))
                .body("data.site.uptime.pageInfo.hasNextPage", equalTo(false))
                .body("data.site.uptime.summary.totalDowntimes", equalTo(3))
                .body("data.site.uptime.summary.ongoingDowntimes", equalTo(0))
                .body("data.site.uptime.summary.recentDowntimes30Days", equalTo(1));
    }

    @Test
    void uptimeNotEnabledIsNullWithoutError() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Uptime monitoring is not enabled for this site\"}")));

        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.id", equalTo("456"))
                .body("data.site.uptime", nullValue());
    }

    @Test
    void uptimeNotEnabledIsCachedLikeAnyAnswer() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Uptime monitoring is not enabled for this site\"}")));

        GraphQL.document("uptime-all-fields").variable("id", "456").post().body("data.site.uptime", nullValue());
        // the same read in another operation: only the read cache can spare the upstream call
        GraphQL.document("uptime-all-fields").variable("id", "456").variable("page", null).post()
                .body("data.site.uptime", nullValue());

        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/uptime")));
    }

    @Test
    void absentPagingArgumentsAreNotSent() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/uptime")).willReturn(okJson(UPTIME_JSON)));

        GraphQL.document("uptime-all-fields").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/uptime")));
    }

    @Test
    void pageAndPerPageAreSentAsPageAndPerUnderscorePage() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/uptime")).willReturn(okJson(UPTIME_JSON)));

        GraphQL.document("uptime-all-fields").variable("id", "456").variable("page", 3).variable("perPage", 100).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/uptime?page=3&per_page=100")));
    }

    @Test
    void perPageAboveHundredIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("uptime-all-fields").variable("id", "456").variable("perPage", 101).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 100."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/uptime")));
    }

    @Test
    void withoutSubscriptionIsSubscriptionRequired() {
        upstream.stubFor(get("/api/v1/sites/456/uptime").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"This endpoint requires an active subscription\"}")));

        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"))
                .body("data.site.id", equalTo("456"))
                .body("data.site.uptime", nullValue());
    }
}
