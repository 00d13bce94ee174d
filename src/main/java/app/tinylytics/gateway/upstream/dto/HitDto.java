package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One upstream hit, as listed by `GET /sites/:id/hits` or returned by a hit write. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HitDto(
        long id,
        String url,
        String path,
        String referrer,
        String country,
        String browserName,
        String platformName,
        boolean isMobile,
        String source,
        String uniqueHash,
        String visitorHash,
        OffsetDateTime createdAt) {
}
