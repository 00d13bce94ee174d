package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream content `monitoring_status`. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContentStatusDto(
        boolean enabled,
        String rootPath,
        OffsetDateTime lastCheckAt,
        boolean isInitialCheck,
        boolean isRechecking,
        boolean hasIssues,
        boolean emailsPaused,
        OffsetDateTime emailsPausedUntil) {
}
