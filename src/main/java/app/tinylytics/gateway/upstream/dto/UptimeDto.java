package app.tinylytics.gateway.upstream.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream `GET /sites/:id/uptime`. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UptimeDto(
        MonitorDto monitor,
        List<DowntimeDto> downtimes,
        PaginationDto pagination,
        DowntimeSummaryDto summary) {
}
