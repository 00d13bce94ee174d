package app.tinylytics.gateway.upstream.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Answer of {@code DELETE /sites/:id/kudos/:uid}: {@code {"status": "deleted", "uid": ...}}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeleteKudoResponseDto(String status, String uid) {
}
