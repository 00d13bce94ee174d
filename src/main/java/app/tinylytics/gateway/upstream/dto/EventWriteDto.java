package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code POST /sites/:id/events} and one row of its batch: the event and its value, then the page and
 * visitor fields a hit body has (unwrapped, so the JSON stays flat and those fields are listed once, in
 * {@link HitWriteDto}); absent fields are omitted.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventWriteDto(String event, String value, @JsonUnwrapped HitWriteDto visit) {
}
