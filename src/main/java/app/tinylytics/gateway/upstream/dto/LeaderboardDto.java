package app.tinylytics.gateway.upstream.dto;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

import app.tinylytics.gateway.upstream.DeclaresExpiry;

/** Upstream `GET /sites/:id/leaderboard`, including the `cache_info` that drives the gateway's cache expiry. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaderboardDto(
        List<LeaderboardEntryDto> leaderboard,
        PaginationDto pagination,
        CacheInfoDto cacheInfo) implements DeclaresExpiry {

    @JsonIgnore
    @Override
    public Instant declaredExpiry() {
        return cacheInfo == null || cacheInfo.expiresAt() == null ? null : cacheInfo.expiresAt().toInstant();
    }
}
