package app.tinylytics.gateway.upstream.cache;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * Generations in Redis, and in this process while Redis is unreachable; the writes made meanwhile bump the shared
 * generations once Redis is back, so entries cached in Redis before them stop counting for every replica.
 */
final class FailoverGenerations implements Generations {

    private final SharedState shared;
    private final Generations redis;
    private final Generations local;
    private final Queue<Bump> bumpedWhileApart = new ConcurrentLinkedQueue<>();

    FailoverGenerations(SharedState shared, Generations redis, Generations local) {
        this.shared = shared;
        this.redis = redis;
        this.local = local;
        shared.onReconnect(this::bumpWhatWasWrittenApart);
    }

    @Override
    public Uni<Long> current(long siteId, Endpoint endpoint) {
        return shared.withFallback(() -> redis.current(siteId, endpoint), () -> local.current(siteId, endpoint));
    }

    @Override
    public Uni<Void> bump(long siteId, Set<Endpoint> endpoints) {
        return shared.withFallback(() -> redis.bump(siteId, endpoints), () -> {
            bumpedWhileApart.add(new Bump(siteId, endpoints));
            return local.bump(siteId, endpoints);
        });
    }

    private void bumpWhatWasWrittenApart() {
        Bump bump;
        while ((bump = bumpedWhileApart.poll()) != null) {
            try {
                redis.bump(bump.siteId(), bump.endpoints()).await().atMost(java.time.Duration.ofSeconds(2));
            } catch (RuntimeException failedAgain) {
                bumpedWhileApart.add(bump);
                return;
            }
        }
        Log.debug("Writes made while Redis was unreachable now invalidate the shared cache");
    }

    private record Bump(long siteId, Set<Endpoint> endpoints) {
    }
}
