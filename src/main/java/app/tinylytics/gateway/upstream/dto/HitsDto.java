package app.tinylytics.gateway.upstream.dto;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream `GET /sites/:id/hits`: raw `hits`, or `grouped_hits` rows whose key column is the `group_by` value. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HitsDto(
        List<HitDto> hits,
        List<Map<String, Object>> groupedHits,
        PaginationDto pagination) {
}
