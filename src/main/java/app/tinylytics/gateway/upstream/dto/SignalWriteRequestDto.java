package app.tinylytics.gateway.upstream.dto;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream wants the signal wrapped: {@code {"signal": {...}}}. */
@RegisterForReflection
public record SignalWriteRequestDto(SignalWriteDto signal) {
}
