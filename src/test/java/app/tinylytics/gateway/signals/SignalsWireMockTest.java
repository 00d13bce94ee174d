package app.tinylytics.gateway.signals;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;

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
class SignalsWireMockTest {

    /** The signal shape (docs/upstream.md#shapes-the-reference-leaves-open), with the reference's example. */
    static final String SIGNALS_JSON = """
            {
              "signals": [
                {
                  "id": 12,
                  "occurred_at": "2026-02-12T09:00:00Z",
                  "title": "Newsletter #42 sent",
                  "description": "Featured the Rails post that is now breaking out.",
                  "category": "newsletter",
                  "metadata": {"path": "/blog/rails-post", "tags": ["rails", "newsletter"], "recipients": 1200},
                  "external_id": "newsletter-42",
                  "created_at": "2026-02-12T09:05:00Z"
                },
                {
                  "id": 13,
                  "occurred_at": "2026-02-11T09:00:00Z",
                  "title": "Something new",
                  "description": null,
                  "category": "webinar",
                  "metadata": null,
                  "external_id": null,
                  "created_at": "2026-02-11T09:05:00Z"
                }
              ],
              "pagination": {"current_page": 2, "per_page": 2, "total_count": 5, "total_pages": 3},
              "filters": {"start_date": "2026-02-01", "end_date": "2026-02-14"}
            }""";

    @InjectWireMock
    WireMockServer upstream;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        SiteStubs.site456(upstream);
    }

    @Test
    void signalIsMappedToEveryFieldWithMetadataObject() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(okJson(SIGNALS_JSON)));

        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.signals.nodes[0].id", equalTo("12"))
                .body("data.site.signals.nodes[0].occurredAt", equalTo("2026-02-12T09:00:00Z"))
                .body("data.site.signals.nodes[0].title", equalTo("Newsletter #42 sent"))
                .body("data.site.signals.nodes[0].description", equalTo("Featured the Rails post that is now breaking out."))
                .body("data.site.signals.nodes[0].category", equalTo("NEWSLETTER"))
                .body("data.site.signals.nodes[0].metadata.path", equalTo("/blog/rails-post"))
                .body("data.site.signals.nodes[0].metadata.tags[1]", equalTo("newsletter"))
                .body("data.site.signals.nodes[0].metadata.recipients", equalTo(1200))
                .body("data.site.signals.nodes[0].externalId", equalTo("newsletter-42"));
    }

    @Test
    void paginationIsMappedToPageInfo() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(okJson(SIGNALS_JSON)));

        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.signals.pageInfo.page", equalTo(2))
                .body("data.site.signals.pageInfo.perPage", equalTo(2))
                .body("data.site.signals.pageInfo.totalCount", equalTo(5))
                .body("data.site.signals.pageInfo.totalPages", equalTo(3))
                .body("data.site.signals.pageInfo.hasNextPage", equalTo(true))
                .body("data.site.signals.pageInfo.hasPreviousPage", equalTo(true));
    }

    @Test
    void unknownUpstreamCategoryBecomesOtherAndNullsStayNull() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(okJson(SIGNALS_JSON)));

        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.signals.nodes[1].category", equalTo("OTHER"))
                .body("data.site.signals.nodes[1].description", nullValue())
                .body("data.site.signals.nodes[1].metadata", nullValue())
                .body("data.site.signals.nodes[1].externalId", nullValue());
    }

    @Test
    void absentArgumentsAreNotSent() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(okJson(SIGNALS_JSON)));

        GraphQL.document("signals-all-fields").variable("id", "456").post().body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites/456/signals")));
    }

    @Test
    void argumentsAreSentUnderUpstreamNamesWithLowerCaseCategory() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(okJson(SIGNALS_JSON)));

        GraphQL.document("signals-all-fields").variable("id", "456")
                .variable("start", "2026-02-01").variable("end", "2026-02-14").variable("category", "NEWSLETTER")
                .variable("page", 2).variable("perPage", 100).post()
                .body("errors", nullValue());

        upstream.verify(1, getRequestedFor(urlEqualTo(
                "/api/v1/sites/456/signals?category=newsletter&end_date=2026-02-14&page=2&per_page=100&start_date=2026-02-01")));
    }

    @Test
    void perPageAboveHundredIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("signals-all-fields").variable("id", "456").variable("perPage", 101).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 100."));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/signals")));
    }

    @Test
    void startAfterEndIsRejectedWithoutAnUpstreamCall() {
        GraphQL.document("signals-all-fields").variable("id", "456")
                .variable("start", "2026-02-14").variable("end", "2026-02-01").post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'start' must not be after 'end'"));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/signals")));
    }

    @Test
    void rangeLongerThan730DaysIsRejectedWithoutAnUpstreamCall() {
        LocalDate end = LocalDate.parse("2026-02-14");
        GraphQL.document("signals-all-fields").variable("id", "456")
                .variable("start", end.minusDays(731).toString()).variable("end", end.toString()).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", startsWith("Argument 'start' must give a range of at most 730 days"));

        upstream.verify(0, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/signals")));
    }

    @Test
    void insightsSwitchedOffIsFeatureDisabled() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Insights are not enabled for this site\"}")));

        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors[0].extensions.code", equalTo("FEATURE_DISABLED"))
                .body("errors[0].path[1]", equalTo("signals"));
    }

    @Test
    void withoutSubscriptionIsSubscriptionRequired() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/signals")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"This endpoint requires an active subscription\"}")));

        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"));
    }
}
