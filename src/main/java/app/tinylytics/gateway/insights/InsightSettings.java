package app.tinylytics.gateway.insights;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.InsightSiteDto;

/** The site's insight settings, from the {@code site} block of the insights response. */
@Description("Whether insights run for the site and when the next report is due.")
public record InsightSettings(
        boolean insightsEnabled,
        @Description("daily_insight_reports_active") boolean dailyReportsActive,
        @Description("next_insight_job_scheduled_at") OffsetDateTime nextJobScheduledAt) {

    public static InsightSettings from(InsightSiteDto dto) {
        return new InsightSettings(dto.insightsEnabled(), dto.dailyInsightReportsActive(), dto.nextInsightJobScheduledAt());
    }
}
