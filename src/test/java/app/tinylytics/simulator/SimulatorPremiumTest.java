package app.tinylytics.simulator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SimulatorPremiumTest extends FreshSimulator {

    private static final String SITE = SimulatorApi.BASE + "/sites/";

    @ParameterizedTest
    @ValueSource(strings = {"insights", "signals", "uptime", "content"})
    void premiumReadsWithoutSubscriptionAre403MentioningTheSubscription(String endpoint) {
        SimulatorApi.bob().get(SITE + "900/" + endpoint).then().statusCode(403)
                .body("error", containsString("subscription"));
    }

    @Test
    void signalPostWithoutSubscriptionIs403() {
        SimulatorApi.as(DemoAccounts.BOB_FULL_KEY).contentType("application/json")
                .body("{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"x\"}}")
                .post(SITE + "900/signals").then().statusCode(403)
                .body("error", containsString("subscription"));
    }

    @Test
    void documentedInsightsExampleShape() {
        SimulatorApi.alice().get(SITE + "456/insights").then().statusCode(200)
                .body("insights", hasSize(8))
                .body("insights[0].id", instanceOf(Integer.class))
                .body("insights[0].insights_for_date", matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
                .body("insights[0].formatted_insights_date", matchesPattern("[A-Z][a-z]+ \\d{1,2}, \\d{4}"))
                .body("insights[0].generated_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T06:00:00Z"))
                .body("insights[0].summary", instanceOf(String.class))
                .body("insights[0].signals[0].type", equalTo("traffic_change"))
                .body("insights[0].signals[0].headline", instanceOf(String.class))
                .body("insights[0].signals[0].importance_score", instanceOf(Integer.class))
                .body("insights[0].signals[0].detected_at", instanceOf(String.class))
                .body("insights[0].signals[0].window.started_at", instanceOf(String.class))
                .body("insights[0].signals[0].window.ended_at", instanceOf(String.class))
                .body("insights[0].signals[0].payload_excerpt.current_hits", greaterThan(0))
                .body("insights[0].signals[0].payload_excerpt", hasKey("change_percentage"))
                .body("insights[0].traffic_patterns", instanceOf(String.class))
                .body("insights[0].best_content", instanceOf(String.class))
                .body("insights[0].recommendations", instanceOf(String.class))
                .body("insights[0].context_signals_count", instanceOf(Integer.class))
                .body("insights[0].context_signals", instanceOf(List.class))
                .body("pagination.per_page", equalTo(50))
                .body("pagination.total_count", equalTo(8))
                .body("site.id", equalTo(456))
                .body("site.uid", equalTo("abc123"))
                .body("site.insights_enabled", equalTo(true))
                .body("site.daily_insight_reports_active", equalTo(true))
                .body("site.next_insight_job_scheduled_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T06:00:00Z"));
    }

    @Test
    void insightsAreNewestFirstAndContextSignalsComeFromTheSitesSignals() {
        JsonPath json = SimulatorApi.alice().get(SITE + "456/insights").then().extract().jsonPath();
        List<String> dates = json.getList("insights.insights_for_date");
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates);
        // The newest report's window holds the seeded "Newsletter #42 sent" signal (two days ago).
        List<Map<String, Object>> context = json.getList("insights[0].context_signals");
        assertEquals(json.getInt("insights[0].context_signals_count"), context.size());
        assertTrue(context.stream().anyMatch(s -> "Newsletter #42 sent".equals(s.get("title"))), context.toString());
        Map<String, Object> newsletter = context.stream().filter(s -> "Newsletter #42 sent".equals(s.get("title"))).findFirst().orElseThrow();
        assertEquals(Map.of("path", "/blog/rails-post"), newsletter.get("metadata"));
        assertEquals("newsletter", newsletter.get("category"));
    }

    @Test
    void noInsightIsGeneratedInTheFutureWhenSeededBeforeSixUtc() {
        Instant earlyMorning = LocalDate.now(ZoneOffset.UTC).atTime(3, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), earlyMorning));
        store.reset();
        List<String> generated = SimulatorApi.alice().get(SITE + "456/insights").then().statusCode(200)
                .extract().path("insights.generated_at");
        generated.forEach(at -> assertTrue(!Instant.parse(at).isAfter(clock.instant()), at + " is in the future"));
        List<String> hitTimes = SimulatorApi.alice().queryParam("per_page", 1000).get(SITE + "456/hits").then()
                .extract().path("hits.created_at");
        hitTimes.forEach(at -> assertTrue(!Instant.parse(at).isAfter(clock.instant()), at + " is in the future"));
    }

    @Test
    void nextInsightJobIsInTheFuture() {
        String next = SimulatorApi.alice().get(SITE + "456/insights").then().extract().path("site.next_insight_job_scheduled_at");
        assertTrue(Instant.parse(next).isAfter(Instant.now()));
    }

    @Test
    void insightsOfASiteWithInsightsDisabledAreEmpty() {
        SimulatorApi.alice().get(SITE + "457/insights").then().statusCode(200)
                .body("insights", hasSize(0))
                .body("site.insights_enabled", equalTo(false))
                .body("site.daily_insight_reports_active", equalTo(false))
                .body("site.next_insight_job_scheduled_at", nullValue());
    }

    @Test
    void insightsPerPageIsClampedTo50() {
        SimulatorApi.alice().queryParam("per_page", 51).get(SITE + "456/insights").then().body("pagination.per_page", equalTo(50));
    }

    @Test
    void documentedUptimeExampleShape() {
        SimulatorApi.alice().get(SITE + "456/uptime").then().statusCode(200)
                .body("monitor.id", instanceOf(Integer.class))
                .body("monitor.url", equalTo("https://example.com"))
                .body("monitor.enabled", equalTo(true))
                .body("monitor.is_down", equalTo(false))
                .body("monitor.uptime", instanceOf(Float.class))
                .body("monitor.last_check_at", notNullValue())
                .body("monitor.next_check_at", notNullValue())
                .body("monitor.last_status_code", equalTo(200))
                .body("monitor.last_error_message", nullValue())
                .body("monitor.status_description", equalTo("Up"))
                .body("monitor.current_check_interval", equalTo(300))
                .body("monitor.period", equalTo("30d"))
                .body("monitor.ssl.valid", equalTo(true))
                .body("monitor.ssl.expired", equalTo(false))
                .body("monitor.ssl.days_until_expiry", greaterThan(100))
                .body("monitor.domain.source", equalTo("whois"))
                .body("monitor.domain.remaining_days", greaterThan(400))
                .body("monitor.auto_paused", equalTo(false))
                .body("monitor.created_at", equalTo("2025-06-01T12:00:00Z"))
                .body("downtimes", hasSize(3))
                .body("downtimes[0].error", equalTo("Connection timed out"))
                .body("downtimes[0].duration", equalTo(900))
                .body("downtimes[0].duration_in_words", equalTo("15 minutes"))
                .body("downtimes[0].partial", equalTo(false))
                .body("downtimes[0].ongoing", equalTo(false))
                .body("pagination.per_page", equalTo(100))
                .body("pagination.total_count", equalTo(3))
                .body("summary.total_downtimes", equalTo(3))
                .body("summary.ongoing_downtimes", equalTo(0))
                .body("summary.recent_downtimes_30_days", equalTo(1));
    }

    @Test
    void shopHasAnOngoingDowntime() {
        SimulatorApi.alice().get(SITE + "458/uptime").then().statusCode(200)
                .body("monitor.is_down", equalTo(true))
                .body("monitor.status_description", equalTo("Down"))
                .body("monitor.ssl.expiring_soon", equalTo(true))
                .body("downtimes[0].ongoing", equalTo(true))
                .body("downtimes[0].ended_at", nullValue())
                .body("downtimes[0].duration", greaterThan(0))
                .body("summary.ongoing_downtimes", equalTo(1));
    }

    @Test
    void uptimeDowntimesArePaginated() {
        SimulatorApi.alice().queryParam("per_page", 2).queryParam("page", 2).get(SITE + "456/uptime").then().statusCode(200)
                .body("downtimes", hasSize(1))
                .body("pagination.total_pages", equalTo(2));
        SimulatorApi.alice().queryParam("per_page", 500).get(SITE + "456/uptime").then().body("pagination.per_page", equalTo(100));
    }

    @Test
    void uptimeNotEnabledIs404() {
        SimulatorApi.alice().get(SITE + "457/uptime").then().statusCode(404)
                .body("error", equalTo("Uptime monitoring is not enabled for this site"));
    }

    @Test
    void documentedContentExampleShapeWithConsistentStats() {
        JsonPath json = SimulatorApi.alice().get(SITE + "456/content").then().statusCode(200)
                .body("site.id", equalTo(456))
                .body("site.label", equalTo("My Blog"))
                .body("monitoring_status.enabled", equalTo(true))
                .body("monitoring_status.root_path", equalTo("/blog"))
                .body("monitoring_status.last_check_at", notNullValue())
                .body("monitoring_status.is_initial_check", equalTo(false))
                .body("monitoring_status.is_rechecking", equalTo(false))
                .body("monitoring_status.has_issues", equalTo(true))
                .body("monitoring_status.emails_paused", equalTo(false))
                .body("monitoring_status", hasKey("emails_paused_until"))
                .body("issues.broken_links[0].url", equalTo("https://example.com/old-page"))
                .body("issues.broken_links[0].status_code", equalTo(404))
                .body("issues.broken_links[0].error_message", equalTo("Not Found"))
                .body("issues.broken_links[0].issue_type", equalTo("broken_link"))
                .body("issues.broken_links[0].ignored", equalTo(false))
                .body("issues.mixed_content[0].issue_type", equalTo("mixed_content"))
                .body("ignored_issues[0].ignored", equalTo(true))
                .extract().jsonPath();
        assertEquals(json.getList("issues.broken_links").size(), json.getInt("stats.broken_links_count"));
        assertEquals(json.getList("issues.mixed_content").size(), json.getInt("stats.mixed_content_count"));
        assertEquals(json.getList("ignored_issues").size(), json.getInt("stats.ignored_count"));
        assertEquals(json.getList("ok_links").size(), json.getInt("stats.ok_count"));
        assertEquals(json.getInt("stats.broken_links_count") + json.getInt("stats.mixed_content_count")
                + json.getInt("stats.ignored_count") + json.getInt("stats.ok_count"), json.getInt("stats.total_checked"));
    }

    @Test
    void contentMonitoringDisabledIs403WithTheFlag() {
        SimulatorApi.alice().get(SITE + "457/content").then().statusCode(403)
                .body("error", equalTo("Content monitoring is not enabled for this site"))
                .body("content_monitoring_enabled", equalTo(false));
    }

    @Test
    void shopContentHasNoIssues() {
        SimulatorApi.alice().get(SITE + "458/content").then().statusCode(200)
                .body("monitoring_status.has_issues", equalTo(false))
                .body("stats.ok_count", greaterThan(0));
    }

    @Test
    void premiumReadOfAnotherAccountsSiteIs404() {
        SimulatorApi.alice().get(SITE + "900/uptime").then().statusCode(404).body("error", equalTo("Site not found"));
    }
}
