package app.tinylytics.simulator;

import java.time.Instant;

/** A simulated site with the feature switches that decide how its premium endpoints answer. */
public record SiteRow(
        long id,
        String uid,
        String url,
        String label,
        long accountId,
        boolean uniqueTracking,
        boolean insightsEnabled,
        boolean dailyInsightReports,
        boolean uptimeEnabled,
        boolean contentMonitoringEnabled,
        boolean isPublic,
        Instant createdAt) {
}
