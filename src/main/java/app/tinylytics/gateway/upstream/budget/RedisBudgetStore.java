package app.tinylytics.gateway.upstream.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * The request log in Redis, shared by every replica: one sorted set per key identity whose
 * scores are request times, so "requests in the last hour" is a range count.
 */
public final class RedisBudgetStore implements BudgetStore {

    private static final String PREFIX = "tinylytics-gateway:budget:";
    /** Entries older than the window are useless; Redis drops idle logs a little after it. */
    private static final Duration RETENTION = RequestBudget.WINDOW.plusMinutes(5);

    private final ReactiveRedisDataSource redis;
    private final ReactiveSortedSetCommands<String, String> requests;
    private final ReactiveValueCommands<String, Long> blocks;

    public RedisBudgetStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
        this.requests = redis.sortedSet(String.class);
        this.blocks = redis.value(Long.class);
    }

    @Override
    public Uni<Void> record(String keyIdentity, Instant at) {
        String log = PREFIX + "requests:" + keyIdentity;
        // A random member keeps two requests in the same millisecond apart.
        return requests.zadd(log, at.toEpochMilli(), at.toEpochMilli() + ":" + UUID.randomUUID())
                .chain(() -> redis.key().pexpire(log, RETENTION))
                .replaceWithVoid();
    }

    @Override
    public Uni<Usage> usageSince(String keyIdentity, Instant windowStart) {
        String log = PREFIX + "requests:" + keyIdentity;
        Uni<Long> count = requests.zremrangebyscore(log, new ScoreRange<Double>(Double.NEGATIVE_INFINITY, (double) windowStart.toEpochMilli()))
                .chain(() -> requests.zcard(log));
        Uni<Instant> oldest = requests.zrangeWithScores(log, 0, 0)
                .map(first -> first.isEmpty() ? null : Instant.ofEpochMilli((long) first.get(0).score()));
        Uni<Instant> blockedUntil = blocks.get(PREFIX + "blocked:" + keyIdentity)
                .map(millis -> millis == null ? null : Instant.ofEpochMilli(millis));
        return count.chain(n -> Uni.combine().all().unis(oldest, blockedUntil)
                .with((first, block) -> new Usage(n.intValue(), first, block)));
    }

    @Override
    public Uni<Void> blockUntil(String keyIdentity, Instant until) {
        Duration ttl = Duration.ofMillis(Math.max(1, until.toEpochMilli() - System.currentTimeMillis()) + 60_000);
        return blocks.psetex(PREFIX + "blocked:" + keyIdentity, ttl.toMillis(), until.toEpochMilli());
    }
}
