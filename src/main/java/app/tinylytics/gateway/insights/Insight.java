package app.tinylytics.gateway.insights;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.signals.ContextSignal;
import app.tinylytics.gateway.upstream.dto.InsightDto;

/** One AI insight report of a site. */
@Description("An AI insight report: what changed, why, and what to do about it.")
public record Insight(
        @Id @NonNull String id,
        @Description("insights_for_date") @NonNull LocalDate date,
        String formattedDate,
        OffsetDateTime generatedAt,
        String summary,
        @NonNull List<@NonNull DetectedSignal> signals,
        String trafficPatterns,
        String bestContent,
        String recommendations,
        int contextSignalsCount,
        @NonNull List<@NonNull ContextSignal> contextSignals) {

    public static Insight from(InsightDto dto) {
        return new Insight(String.valueOf(dto.id()), dto.insightsForDate(), dto.formattedInsightsDate(), dto.generatedAt(),
                dto.summary(), Mapping.each(dto.signals(), DetectedSignal::from), dto.trafficPatterns(), dto.bestContent(),
                dto.recommendations(), dto.contextSignalsCount(), Mapping.each(dto.contextSignals(), ContextSignal::from));
    }
}
