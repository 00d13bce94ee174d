package app.tinylytics.gateway.upstream.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One row of a batch answer: {@code created}, {@code ignored} (with a reason) or {@code error} (with errors). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchRowDto(int index, String status, List<String> errors, String reason) {
}
