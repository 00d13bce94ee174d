package app.tinylytics.gateway.leaderboard;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import app.tinylytics.gateway.common.Mapping;
import app.tinylytics.gateway.upstream.dto.LeaderboardEntryDto;

/** One path's all-time standing. */
@Description("One path's all-time hits and share of the site's traffic.")
public record LeaderboardEntry(
        @NonNull String path,
        int totalHits,
        int uniqueHits,
        double percentage) {

    public static LeaderboardEntry from(LeaderboardEntryDto dto) {
        return new LeaderboardEntry(dto.path(), Mapping.saturated(dto.totalHits()), Mapping.saturated(dto.uniqueHits()),
                dto.percentage());
    }
}
