package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One checked link or content issue. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContentIssueDto(
        long id,
        String url,
        Integer statusCode,
        String errorMessage,
        String issueType,
        OffsetDateTime checkedAt,
        boolean ignored) {
}
