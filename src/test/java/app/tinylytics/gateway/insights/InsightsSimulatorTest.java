package app.tinylytics.gateway.insights;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** Insights against the embedded simulator's seeded demo data (alice's blog 456, bob's site 900). */
@QuarkusTest
class InsightsSimulatorTest {

    /** Real time: the app's clock runs unshifted in these suites (and in the packaged jar). */
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogHasEightWeeklyReportsNewestFirstWithSettings() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);

        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.insights.nodes.size()", equalTo(8))
                .body("data.site.insights.nodes[0].date", equalTo(yesterday.toString()))
                .body("data.site.insights.nodes[1].date", equalTo(yesterday.minusDays(7).toString()))
                .body("data.site.insights.nodes[0].formattedDate", notNullValue())
                .body("data.site.insights.pageInfo.totalCount", equalTo(8))
                .body("data.site.insights.settings.insightsEnabled", equalTo(true))
                .body("data.site.insights.settings.dailyReportsActive", equalTo(true))
                .body("data.site.insights.settings.nextJobScheduledAt", notNullValue());
    }

    @Test
    void detectedSignalsCarryPayloadExcerptObjects() {
        String signals = "data.site.insights.nodes[0].signals";
        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body(signals + "[0].type", equalTo("traffic_change"))
                .body(signals + "[0].window.startedAt", notNullValue())
                .body(signals + "[0].payloadExcerpt.direction", oneOf("increase", "decrease"))
                .body(signals + "[0].payloadExcerpt.current_hits", greaterThanOrEqualTo(0))
                .body(signals + "[0].payloadExcerpt.previous_hits", greaterThanOrEqualTo(0))
                .body(signals + "[1].type", equalTo("top_content"))
                .body(signals + "[1].payloadExcerpt.path", startsWith("/"));
    }

    @Test
    void latestReportIncludesTheNewsletterSentTwoDaysAgo() {
        String context = "data.site.insights.nodes[0].contextSignals[0]";
        GraphQL.document("insights-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.insights.nodes[0].contextSignalsCount", equalTo(1))
                .body(context + ".title", equalTo("Newsletter #42 sent"))
                .body(context + ".category", equalTo("NEWSLETTER"))
                .body(context + ".metadata.path", equalTo("/blog/rails-post"));
    }

    @Test
    void perPageSlicesTheReports() {
        GraphQL.document("insights-all-fields").variable("id", "456").variable("page", 2).variable("perPage", 3).post()
                .body("errors", nullValue())
                .body("data.site.insights.nodes.size()", equalTo(3))
                .body("data.site.insights.pageInfo.page", equalTo(2))
                .body("data.site.insights.pageInfo.totalPages", equalTo(3))
                .body("data.site.insights.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void unsubscribedAccountGetsSubscriptionRequiredOnInsightsOnly() {
        GraphQL.document("insights-beside-label").variable("id", "900").withKey("tly-ro-demo-bob-read").post()
                .body("errors.size()", equalTo(1))
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"))
                .body("errors[0].path", hasItems("premium", "insights"))
                .body("data.info.label", equalTo("Bob's Garden"));
    }
}
