package app.tinylytics.gateway.upstream.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Upstream `GET /sites/:id/leaderboard`, including the `cache_info` that drives the gateway's cache expiry. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LeaderboardDto(
        List<LeaderboardEntryDto> leaderboard,
        PaginationDto pagination,
        CacheInfoDto cacheInfo) {
}
