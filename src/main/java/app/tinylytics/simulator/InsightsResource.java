package app.tinylytics.simulator;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code GET /sites/:id/insights}: the seeded weekly reports, newest first. For a site with insights
 * disabled the reference is silent; like a Rails index over an empty association we answer 200 with no
 * insights and {@code insights_enabled: false}.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/insights")
@Produces(MediaType.APPLICATION_JSON)
public class InsightsResource {

    static final int DEFAULT_PER_PAGE = 50;
    static final int MAX_PER_PAGE = 50;
    private static final DateTimeFormatter FORMATTED_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private final SimulatorGate gate;
    private final Clock clock;

    InsightsResource(SimulatorGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> insights(@BeanParam SiteParams params, @BeanParam PageParams page) {
        SiteData data = gate.premiumSite(params);
        SiteRow site = data.site();
        Paging paging = page.paging(DEFAULT_PER_PAGE, MAX_PER_PAGE);
        List<InsightReportRow> reports = data.insights().stream()
                .sorted(Comparator.comparing(InsightReportRow::insightsForDate).reversed())
                .toList();
        Map<String, Object> siteBlock = SiteViews.brief(site);
        siteBlock.put("insights_enabled", site.insightsEnabled());
        siteBlock.put("daily_insight_reports_active", site.insightsEnabled() && site.dailyInsightReports());
        siteBlock.put("next_insight_job_scheduled_at", Json.time(nextJob(site)));
        return Json.object(
                "insights", paging.slice(reports).stream().map(InsightsResource::toJson).toList(),
                "pagination", paging.toJson(reports.size()),
                "site", siteBlock);
    }

    /** Daily reports run every day at 06:00 UTC, weekly ones on Mondays at 06:00 UTC; none when insights are off. */
    private Instant nextJob(SiteRow site) {
        if (!site.insightsEnabled()) {
            return null;
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        while (true) {
            Instant candidate = day.atTime(6, 0).toInstant(ZoneOffset.UTC);
            boolean runsThatDay = site.dailyInsightReports() || day.getDayOfWeek() == DayOfWeek.MONDAY;
            if (runsThatDay && candidate.isAfter(now)) {
                return candidate;
            }
            day = day.plusDays(1);
        }
    }

    private static Map<String, Object> toJson(InsightReportRow report) {
        return Json.object(
                "id", report.id(),
                "insights_for_date", report.insightsForDate().toString(),
                "formatted_insights_date", report.insightsForDate().format(FORMATTED_DATE),
                "generated_at", Json.time(report.generatedAt()),
                "summary", report.summary(),
                "signals", report.signals(),
                "traffic_patterns", report.trafficPatterns(),
                "best_content", report.bestContent(),
                "recommendations", report.recommendations(),
                "context_signals_count", report.contextSignals().size(),
                "context_signals", report.contextSignals().stream().map(SignalRow::toContextJson).toList());
    }
}
