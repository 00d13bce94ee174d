package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code POST /sites/:id/kudos}: 201 with the kudo, or 202 with the reason it was ignored. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record GiveKudoResponseDto(String status, KudoDto kudo, String reason) implements WriteAnswerDto {
}
