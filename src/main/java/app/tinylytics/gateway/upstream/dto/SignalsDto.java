package app.tinylytics.gateway.upstream.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Upstream `GET /sites/:id/signals`, a shape the reference leaves open
 * (docs/upstream.md#shapes-the-reference-leaves-open).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignalsDto(
        List<SignalDto> signals,
        PaginationDto pagination) {
}
