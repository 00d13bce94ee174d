package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code POST /sites/:id/hits}: 201 with the hit, or 202 with the reason it was ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackHitResponseDto(String status, HitDto hit, String reason) implements WriteAnswerDto {
}
