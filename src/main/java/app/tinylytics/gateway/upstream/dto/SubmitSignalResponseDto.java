package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code POST /sites/:id/signals}: 201 created or 200 updated (a reused external id), with the signal. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmitSignalResponseDto(String status, SignalDto signal) {
}
