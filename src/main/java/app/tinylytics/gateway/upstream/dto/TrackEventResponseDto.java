package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code POST /sites/:id/events}: 201 with the event, or 202 with the reason it was ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackEventResponseDto(String status, EventDto event, String reason) implements WriteAnswerDto {
}
