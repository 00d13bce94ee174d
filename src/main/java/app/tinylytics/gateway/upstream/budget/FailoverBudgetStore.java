package app.tinylytics.gateway.upstream.budget;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * The budget shared in Redis, and while Redis is unreachable a conservative local share of it: each replica may then
 * spend only what the key had left when this replica last heard from Redis, divided by the most replicas that can run,
 * so together they stay within the key's hour (after a whole window apart, everything spent before has left it, and
 * the share is the full limit divided by the replicas). What a replica spends meanwhile is counted into Redis when it
 * is back.
 */
final class FailoverBudgetStore implements BudgetStore {

    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(2);

    private final SharedState shared;
    private final RedisBudgetStore redis;
    private final LocalBudgetStore local;
    private final int expectedReplicas;
    private final Queue<Spent> spentWhileApart = new ConcurrentLinkedQueue<>();
    /** Per key identity, the deployment's count and when Redis last told it; bounded like the local windows. */
    private final Cache<String, SharedCount> lastShared = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMillis(WINDOW_MILLIS))
            .maximumSize(LocalBudgetStore.MAX_WINDOWS)
            .build();

    FailoverBudgetStore(SharedState shared, RedisBudgetStore redis, LocalBudgetStore local, int expectedReplicas) {
        this.shared = shared;
        this.redis = redis;
        this.local = local;
        this.expectedReplicas = Math.max(1, expectedReplicas);
        shared.onReconnect(this::countWhatWasSpentApart);
    }

    /** The divisor that applies to shares and the reserve right now: 1 with Redis, the expected replicas without it. */
    int limitDivisor() {
        return shared.isUp() ? 1 : expectedReplicas;
    }

    @Override
    public Uni<Grant> acquire(String keyIdentity, String shareHolder, long nowMillis, int keyLimit, int shareLimit) {
        return shared.withFallback(() -> redis.acquire(keyIdentity, shareHolder, nowMillis, keyLimit, shareLimit)
                .invoke(grant -> lastShared.put(keyIdentity, new SharedCount(grant.keyCount(), nowMillis))),
                () -> local.acquire(keyIdentity, shareHolder, nowMillis, apartLimit(keyIdentity, keyLimit, nowMillis),
                        Math.max(1, shareLimit / expectedReplicas))
                        .invoke(grant -> {
                            if (grant.granted()) {
                                spentWhileApart.add(new Spent(keyIdentity, shareHolder, nowMillis));
                            }
                        }));
    }

    /** The key's limit for this replica right now: all of it with Redis, its part of what was left without. */
    int keyLimitNow(String keyIdentity, int keyLimit, long nowMillis) {
        return shared.isUp() ? keyLimit : apartLimit(keyIdentity, keyLimit, nowMillis);
    }

    /** This replica's part of what the key had left at the last word from Redis (none left: nothing). */
    private int apartLimit(String keyIdentity, int keyLimit, long nowMillis) {
        SharedCount last = lastShared.getIfPresent(keyIdentity);
        int spentBefore = last == null || nowMillis - last.atMillis() >= WINDOW_MILLIS ? 0 : last.count();
        return Math.max(0, keyLimit - spentBefore) / expectedReplicas;
    }

    @Override
    public Uni<Usage> usage(String keyIdentity, String shareHolder, long nowMillis) {
        return shared.withFallback(() -> redis.usage(keyIdentity, shareHolder, nowMillis),
                () -> local.usage(keyIdentity, shareHolder, nowMillis));
    }

    @Override
    public Uni<Void> blockUntil(String keyIdentity, long untilMillis) {
        // Known locally in any case: should Redis go away, this replica still honours upstream's 429.
        return local.blockUntil(keyIdentity, untilMillis)
                .chain(() -> shared.withFallback(() -> redis.blockUntil(keyIdentity, untilMillis), () -> Uni.createFrom().voidItem()));
    }

    private void countWhatWasSpentApart() {
        Spent spent;
        int counted = 0;
        while ((spent = spentWhileApart.poll()) != null) {
            try {
                redis.record(spent.keyIdentity(), spent.shareHolder(), spent.atMillis()).await().atMost(REPLAY_TIMEOUT);
                counted++;
            } catch (RuntimeException failedAgain) {
                spentWhileApart.add(spent); // counted at the next reconnection
                break;
            }
        }
        if (counted > 0) {
            Log.infof("Counted %d upstream requests made while Redis was unreachable into the shared budget", counted);
        }
    }

    private record SharedCount(int count, long atMillis) {
    }

    private record Spent(String keyIdentity, String shareHolder, long atMillis) {
    }
}
