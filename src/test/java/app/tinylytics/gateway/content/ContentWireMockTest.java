package app.tinylytics.gateway.content;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
class ContentWireMockTest {

    /** The reference example of GET /sites/456/content, with one ignored issue and one ok link added. */
    static final String CONTENT_JSON = """
            {
              "site": {"id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog"},
              "monitoring_status": {
                "enabled": true,
                "root_path": "/blog",
                "last_check_at": "2026-02-14T08:00:00Z",
                "is_initial_check": false,
                "is_rechecking": true,
                "has_issues": true,
                "emails_paused": false,
                "emails_paused_until": null
              },
              "issues": {
                "broken_links": [
                  {"id": 201, "url": "https://example.com/old-page", "status_code": 404, "error_message": "Not Found",
                   "issue_type": "broken_link", "checked_at": "2026-02-14T08:00:00Z", "ignored": false}
                ],
                "mixed_content": [
                  {"id": 202, "url": "http://cdn.example.com/img.png", "status_code": null, "error_message": null,
                   "issue_type": "mixed_content", "checked_at": "2026-02-14T08:00:00Z", "ignored": false}
                ]
              },
              "ignored_issues": [
                {"id": 203, "url": "https://example.com/gone", "status_code": 410, "error_message": "Gone",
                 "issue_type": "broken_link", "checked_at": "2026-02-13T08:00:00Z", "ignored": true}
              ],
              "ok_links": [
                {"id": 204, "url": "https://example.com/blog", "status_code": 200, "error_message": null,
                 "issue_type": null, "checked_at": "2026-02-14T08:00:00Z", "ignored": false}
              ],
              "stats": {"total_checked": 48, "broken_links_count": 1, "mixed_content_count": 1, "ignored_count": 1,
                        "ok_count": 45}
            }""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @Test
    void referenceStatusAndStatsMapToEveryField() {
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(okJson(CONTENT_JSON)));

        GraphQL.document("content-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.content.enabled", equalTo(true))
                .body("data.site.content.status.rootPath", equalTo("/blog"))
                .body("data.site.content.status.lastCheckAt", equalTo("2026-02-14T08:00:00Z"))
                .body("data.site.content.status.isInitialCheck", equalTo(false))
                .body("data.site.content.status.isRechecking", equalTo(true))
                .body("data.site.content.status.hasIssues", equalTo(true))
                .body("data.site.content.status.emailsPaused", equalTo(false))
                .body("data.site.content.status.emailsPausedUntil", nullValue())
                .body("data.site.content.stats.totalChecked", equalTo(48))
                .body("data.site.content.stats.brokenLinksCount", equalTo(1))
                .body("data.site.content.stats.mixedContentCount", equalTo(1))
                .body("data.site.content.stats.ignoredCount", equalTo(1))
                .body("data.site.content.stats.okCount", equalTo(45));
    }

    @Test
    void referenceIssuesMapToEveryFieldOfTheirLists() {
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(okJson(CONTENT_JSON)));

        String broken = "data.site.content.brokenLinks[0]";
        GraphQL.document("content-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(broken + ".id", equalTo("201"))
                .body(broken + ".url", equalTo("https://example.com/old-page"))
                .body(broken + ".statusCode", equalTo(404))
                .body(broken + ".errorMessage", equalTo("Not Found"))
                .body(broken + ".issueType", equalTo("broken_link"))
                .body(broken + ".checkedAt", equalTo("2026-02-14T08:00:00Z"))
                .body(broken + ".ignored", equalTo(false))
                .body("data.site.content.mixedContent[0].id", equalTo("202"))
                .body("data.site.content.mixedContent[0].statusCode", nullValue())
                .body("data.site.content.ignoredIssues[0].id", equalTo("203"))
                .body("data.site.content.ignoredIssues[0].ignored", equalTo(true))
                .body("data.site.content.okLinks[0].id", equalTo("204"))
                .body("data.site.content.okLinks[0].issueType", nullValue());
    }

    @Test
    void contentIsReadWithoutQueryParameters() {
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(okJson(CONTENT_JSON)));

        GraphQL.document("content-all-fields").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/content")));
    }

    @Test
    void monitoringDisabledIsEnabledFalseWithoutError() {
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Content monitoring is not enabled for this site\", \"content_monitoring_enabled\": false}")));

        GraphQL.document("content-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.content.enabled", equalTo(false))
                .body("data.site.content.status", nullValue())
                .body("data.site.content.brokenLinks.size()", equalTo(0))
                .body("data.site.content.mixedContent.size()", equalTo(0))
                .body("data.site.content.ignoredIssues.size()", equalTo(0))
                .body("data.site.content.okLinks.size()", equalTo(0))
                .body("data.site.content.stats", nullValue());
    }

    @Test
    void withoutSubscriptionIsSubscriptionRequired() {
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"This endpoint requires an active subscription\"}")));

        GraphQL.document("content-all-fields").variable("id", "456").post()
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"))
                .body("errors[0].path[1]", equalTo("content"));
    }
}
