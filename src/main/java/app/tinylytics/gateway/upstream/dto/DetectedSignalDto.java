package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An auto-detected signal snapshot inside an insight. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DetectedSignalDto(
        String type,
        String headline,
        String summary,
        Integer importanceScore,
        OffsetDateTime detectedAt,
        WindowDto window,
        JsonNode payloadExcerpt) {
}
