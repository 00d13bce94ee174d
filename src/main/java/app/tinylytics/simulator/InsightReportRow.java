package app.tinylytics.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A generated weekly insight report with the detected-signal snapshots and owner signals it was built from. */
public record InsightReportRow(
        long id,
        LocalDate insightsForDate,
        Instant generatedAt,
        String summary,
        List<Map<String, Object>> signals,
        String trafficPatterns,
        String bestContent,
        String recommendations,
        List<SignalRow> contextSignals) {
}
