package app.tinylytics.gateway.operation;

import java.time.Instant;
import java.util.List;

/**
 * One upstream read an operation used: which read, for which site and endpoint, under which invalidation generation,
 * until when its answer stays fresh (null for an answer that cannot be reused: absent or served stale), and when the
 * gateway fetched the answer it used (null when absent, or when upstream dates the data itself, as the leaderboard's
 * {@code cachedAt} does).
 */
public record ReadUse(String readId, long siteId, String endpoint, long generation, Instant freshUntil, Instant fetchedAt) {

    /** True when an operation that used this read may be answered again from cache. */
    public boolean reusable() {
        return freshUntil != null;
    }

    /** When an answer built from {@code reads} stops being fresh: when the first of them does; null if none may be reused. */
    public static Instant freshUntil(List<ReadUse> reads) {
        if (reads.isEmpty() || !reads.stream().allMatch(ReadUse::reusable)) {
            return null;
        }
        return reads.stream().map(ReadUse::freshUntil).min(Instant::compareTo).orElseThrow();
    }
}
