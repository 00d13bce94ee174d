package app.tinylytics.gateway.upstream.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One AI insight report. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InsightDto(
        long id,
        LocalDate insightsForDate,
        String formattedInsightsDate,
        OffsetDateTime generatedAt,
        String summary,
        List<DetectedSignalDto> signals,
        String trafficPatterns,
        String bestContent,
        String recommendations,
        int contextSignalsCount,
        List<SignalDto> contextSignals) {
}
