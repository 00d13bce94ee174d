package app.tinylytics.gateway.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
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
class InsightsWireMockTest {

    /** The reference example of GET /sites/456/insights. */
    static final String INSIGHTS_JSON = """
            {
              "insights": [
                {
                  "id": 42,
                  "insights_for_date": "2026-02-13",
                  "formatted_insights_date": "February 13, 2026",
                  "generated_at": "2026-02-14T06:00:00Z",
                  "summary": "Traffic was steadier than usual overall, with one blog post and a new referrer doing most of the lifting.",
                  "signals": [
                    {
                      "type": "traffic_change",
                      "headline": "Traffic is up 28% this week",
                      "summary": "The site picked up 378 hits in the last 7 days, up from 296 the week before.",
                      "importance_score": 64,
                      "detected_at": "2026-02-14T06:00:00Z",
                      "window": {"started_at": "2026-02-07T00:00:00Z", "ended_at": "2026-02-14T06:00:00Z"},
                      "payload_excerpt": {"direction": "increase", "current_hits": 378, "previous_hits": 296,
                                          "absolute_change": 82, "change_percentage": 27.7}
                    }
                  ],
                  "traffic_patterns": "Wednesday and Thursday were the busiest days, with evenings remaining your strongest hour.",
                  "best_content": "Your recent Rails post is getting more attention than usual and is now one of the site's top pages.",
                  "recommendations": "Keep an eye on the post that is breaking out, and consider sharing similar content while the momentum is still fresh.",
                  "context_signals_count": 1,
                  "context_signals": [
                    {
                      "id": 12,
                      "occurred_at": "2026-02-12T09:00:00Z",
                      "title": "Newsletter #42 sent",
                      "description": "Featured the Rails post that is now breaking out.",
                      "category": "newsletter",
                      "metadata": {"path": "/blog/rails-post"}
                    }
                  ]
                }
              ],
              "pagination": {"current_page": 1, "per_page": 50, "total_count": 1, "total_pages": 1},
              "site": {
                "id": 456, "uid": "abc123", "url": "https://example.com", "label": "My Blog",
                "insights_enabled": true,
                "daily_insight_reports_active": true,
                "next_insight_job_scheduled_at": "2026-02-15T06:00:00Z"
              }
            }""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @Test
    void referenceExampleMapsToEveryField() {
        upstream.stubFor(get("/api/v1/sites/456/insights").willReturn(okJson(INSIGHTS_JSON)));

        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.insights.nodes[0].id", equalTo("42"))
                .body("data.site.insights.nodes[0].date", equalTo("2026-02-13"))
                .body("data.site.insights.nodes[0].formattedDate", equalTo("February 13, 2026"))
                .body("data.site.insights.nodes[0].generatedAt", equalTo("2026-02-14T06:00:00Z"))
                .body("data.site.insights.nodes[0].summary", equalTo(
                        "Traffic was steadier than usual overall, with one blog post and a new referrer doing most of the lifting."))
                .body("data.site.insights.nodes[0].trafficPatterns", equalTo(
                        "Wednesday and Thursday were the busiest days, with evenings remaining your strongest hour."))
                .body("data.site.insights.nodes[0].bestContent", equalTo(
                        "Your recent Rails post is getting more attention than usual and is now one of the site's top pages."))
                .body("data.site.insights.nodes[0].recommendations", equalTo(
                        "Keep an eye on the post that is breaking out, and consider sharing similar content while the momentum is still fresh."))
                .body("data.site.insights.nodes[0].contextSignalsCount", equalTo(1))
                .body("data.site.insights.pageInfo.page", equalTo(1))
                .body("data.site.insights.pageInfo.perPage", equalTo(50))
                .body("data.site.insights.pageInfo.totalCount", equalTo(1))
                .body("data.site.insights.pageInfo.totalPages", equalTo(1))
                .body("data.site.insights.pageInfo.hasNextPage", equalTo(false))
                .body("data.site.insights.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.site.insights.settings.insightsEnabled", equalTo(true))
                .body("data.site.insights.settings.dailyReportsActive", equalTo(true))
                .body("data.site.insights.settings.nextJobScheduledAt", equalTo("2026-02-15T06:00:00Z"));
    }

    @Test
    void detectedSignalsKeepTheirPayloadExcerptAsAJsonObject() {
        upstream.stubFor(get("/api/v1/sites/456/insights").willReturn(okJson(INSIGHTS_JSON)));

        String signal = "data.site.insights.nodes[0].signals[0]";
        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(signal + ".type", equalTo("traffic_change"))
                .body(signal + ".headline", equalTo("Traffic is up 28% this week"))
                .body(signal + ".summary", equalTo("The site picked up 378 hits in the last 7 days, up from 296 the week before."))
                .body(signal + ".importanceScore", equalTo(64))
                .body(signal + ".detectedAt", equalTo("2026-02-14T06:00:00Z"))
                .body(signal + ".window.startedAt", equalTo("2026-02-07T00:00:00Z"))
                .body(signal + ".window.endedAt", equalTo("2026-02-14T06:00:00Z"))
                .body(signal + ".payloadExcerpt.direction", equalTo("increase"))
                .body(signal + ".payloadExcerpt.current_hits", equalTo(378))
                .body(signal + ".payloadExcerpt.previous_hits", equalTo(296))
                .body(signal + ".payloadExcerpt.absolute_change", equalTo(82))
                .body(signal + ".payloadExcerpt.change_percentage", equalTo(27.7f));
    }

    @Test
    void contextSignalsOfAnInsightAreMappedWithMetadataObject() {
        upstream.stubFor(get("/api/v1/sites/456/insights").willReturn(okJson(INSIGHTS_JSON)));

        String context = "data.site.insights.nodes[0].contextSignals[0]";
        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(context + ".id", equalTo("12"))
                .body(context + ".occurredAt", equalTo("2026-02-12T09:00:00Z"))
                .body(context + ".title", equalTo("Newsletter #42 sent"))
                .body(context + ".description", equalTo("Featured the Rails post that is now breaking out."))
                .body(context + ".category", equalTo("NEWSLETTER"))
                .body(context + ".metadata.path", equalTo("/blog/rails-post"))
                .body(context + ".externalId", nullValue());
    }

    @Test
    void absentPagingArgumentsAreNotSent() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/insights")).willReturn(okJson(INSIGHTS_JSON)));

        GraphQL.document("insights-all-fields").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/insights")));
    }

    @Test
    void pageAndPerPageAreSentAsPageAndPerUnderscorePage() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/insights")).willReturn(okJson(INSIGHTS_JSON)));

        GraphQL.document("insights-all-fields").variable("id", "456").variable("page", 2).variable("perPage", 50).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/insights?page=2&per_page=50")));
    }

    @Test
    void perPageAboveFiftyIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("insights-all-fields").variable("id", "456").variable("perPage", 51).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 50."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/insights")));
    }

    @Test
    void pageZeroIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("insights-all-fields").variable("id", "456").variable("page", 0).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'page' must be at least 1."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/insights")));
    }

    @Test
    void withoutSubscriptionOnlyInsightsFailsWithSubscriptionRequired() {
        upstream.stubFor(get("/api/v1/sites/456/insights").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"This endpoint requires an active subscription\"}")));
        upstream.stubFor(get("/api/v1/sites/456/content").willReturn(okJson("{\"monitoring_status\": {\"enabled\": true}}")));

        GraphQL.document("insights-beside-other-fields").variable("id", "456").post()
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"))
                .body("errors[0].path", hasItems("premium", "insights"))
                .body("data.info.label", equalTo("My Blog"))
                .body("data.info.content.enabled", equalTo(true));
    }
}
