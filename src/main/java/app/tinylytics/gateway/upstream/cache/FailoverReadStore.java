package app.tinylytics.gateway.upstream.cache;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.shared.SharedState;

/** Cached reads in Redis, and in this process while Redis is unreachable: a Redis outage costs hits, not answers. */
final class FailoverReadStore implements ReadStore {

    private final SharedState shared;
    private final ReadStore redis;
    private final ReadStore local;

    FailoverReadStore(SharedState shared, ReadStore redis, ReadStore local) {
        this.shared = shared;
        this.redis = redis;
        this.local = local;
    }

    @Override
    public Uni<CachedRead> get(ReadKey key) {
        return shared.withFallback(() -> redis.get(key), () -> local.get(key));
    }

    @Override
    public Uni<Void> put(ReadKey key, CachedRead read, Instant keepUntil) {
        return shared.withFallback(() -> redis.put(key, read, keepUntil), () -> local.put(key, read, keepUntil));
    }
}
