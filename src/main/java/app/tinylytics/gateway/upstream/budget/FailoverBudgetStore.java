package app.tinylytics.gateway.upstream.budget;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * The budget shared in Redis, and while Redis is unreachable a conservative local share of it: each replica may then
 * spend only the limits divided by the most replicas that can run, so together they stay within the key's hour. What
 * a replica spends meanwhile is counted into Redis when it is back.
 */
final class FailoverBudgetStore implements BudgetStore {

    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(2);

    private final SharedState shared;
    private final RedisBudgetStore redis;
    private final LocalBudgetStore local;
    private final int expectedReplicas;
    private final Queue<Spent> spentWhileApart = new ConcurrentLinkedQueue<>();

    FailoverBudgetStore(SharedState shared, RedisBudgetStore redis, LocalBudgetStore local, int expectedReplicas) {
        this.shared = shared;
        this.redis = redis;
        this.local = local;
        this.expectedReplicas = Math.max(1, expectedReplicas);
        shared.onReconnect(this::countWhatWasSpentApart);
    }

    /** The divisor that applies to the limits right now: 1 with Redis, the expected replicas without it. */
    int limitDivisor() {
        return shared.isUp() ? 1 : expectedReplicas;
    }

    @Override
    public Uni<Grant> acquire(String keyIdentity, String shareHolder, long nowMillis, int keyLimit, int shareLimit) {
        return shared.withFallback(() -> redis.acquire(keyIdentity, shareHolder, nowMillis, keyLimit, shareLimit),
                () -> local.acquire(keyIdentity, shareHolder, nowMillis, Math.max(1, keyLimit / expectedReplicas),
                        Math.max(1, shareLimit / expectedReplicas))
                        .invoke(grant -> {
                            if (grant.granted()) {
                                spentWhileApart.add(new Spent(keyIdentity, shareHolder, nowMillis));
                            }
                        }));
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

    private record Spent(String keyIdentity, String shareHolder, long atMillis) {
    }
}
