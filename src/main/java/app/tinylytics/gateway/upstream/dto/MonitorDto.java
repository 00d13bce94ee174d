package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The uptime monitor. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MonitorDto(
        long id,
        String url,
        boolean enabled,
        boolean isDown,
        Double uptime,
        OffsetDateTime lastCheckAt,
        OffsetDateTime nextCheckAt,
        Integer lastStatusCode,
        String lastErrorMessage,
        String statusDescription,
        Integer currentCheckInterval,
        String period,
        SslDto ssl,
        DomainDto domain,
        boolean autoPaused,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
