package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The monitor's domain registration status. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DomainDto(
        OffsetDateTime testedAt,
        OffsetDateTime expiresAt,
        Integer remainingDays,
        String source,
        boolean expired,
        boolean expiringSoon,
        Integer daysUntilExpiry) {
}
