package app.tinylytics.gateway.leaderboard;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.common.PageInfo;
import app.tinylytics.gateway.upstream.dto.CacheInfoDto;
import app.tinylytics.gateway.upstream.dto.LeaderboardDto;
import app.tinylytics.gateway.upstream.dto.LeaderboardEntryDto;

/** One page of the all-time path ranking, with how long upstream's cached copy of it holds. */
@Description("All-time path ranking, as cached upstream.")
public record Leaderboard(
        @NonNull List<@NonNull LeaderboardEntry> entries,
        @NonNull PageInfo pageInfo,
        @Description("cache_info.cached_at") OffsetDateTime cachedAt,
        @Description("cache_info.expires_at: the gateway serves its cached copy until then.") OffsetDateTime expiresAt) {

    public static Leaderboard from(LeaderboardDto dto) {
        List<LeaderboardEntryDto> entries = Mapping.orEmpty(dto.leaderboard());
        CacheInfoDto cache = dto.cacheInfo();
        return new Leaderboard(entries.stream().map(LeaderboardEntry::from).toList(),
                PageInfo.from(dto.pagination(), entries.size()),
                cache == null ? null : cache.cachedAt(),
                cache == null ? null : cache.expiresAt());
    }
}
