package app.tinylytics.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The all-time path ranking of a site as computed at {@code cachedAt}; served unchanged until it expires. */
public record LeaderboardSnapshot(Instant cachedAt, List<Row> rows) {

    /** Tinylytics caches the leaderboard for one hour. */
    public static final Duration TTL = Duration.ofHours(1);

    /** One ranked path; {@code percentage} is its share of all the site's hits. */
    public record Row(String path, long totalHits, long uniqueHits, double percentage) {
    }

    public Instant expiresAt() {
        return cachedAt.plus(TTL);
    }

    public boolean isFresh(Instant now) {
        return now.isBefore(expiresAt());
    }
}
