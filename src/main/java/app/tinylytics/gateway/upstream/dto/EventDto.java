package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One event as returned by {@code POST /sites/:id/events}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EventDto(
        long id,
        String event,
        String value,
        String url,
        String path,
        String referrer,
        String country,
        String source,
        String uniqueHash,
        String visitorHash,
        OffsetDateTime createdAt) {
}
