package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One visitor journey. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JourneyDto(
        String visitorHash,
        int pageCount,
        OffsetDateTime firstHit,
        OffsetDateTime lastHit,
        int durationMinutes,
        List<PathDto> pages,
        String entryPage,
        String exitPage,
        int sessionDuration,
        String referrer,
        String country,
        String browser) {
}
