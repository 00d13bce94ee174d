package app.tinylytics.gateway.upstream.dto;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream site, from {@code GET /sites} or {@code GET /sites/:id}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SiteDto(
        long id,
        String uid,
        String url,
        String label,
        long lifetimeHits,
        long lifetimeUniqueHits,
        long lifetimeKudos,
        boolean active,
        @JsonProperty("public") boolean publicSite,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
