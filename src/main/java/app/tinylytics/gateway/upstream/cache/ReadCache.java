package app.tinylytics.gateway.upstream.cache;

import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.redis.runtime.RedisCache;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * The Quarkus cache of upstream reads. Two caches are declared because a cache's backend is fixed
 * at build time: {@code upstream-reads} (Caffeine, one instance) and {@code upstream-reads-shared}
 * (Redis, shared by replicas); {@code gateway.cache.backend} picks one at run time. Freshness is
 * decided by the entry's own deadline and the application clock, not by the backend's expiry, which
 * only bounds how long an entry may still be served stale.
 */
@ApplicationScoped
public class ReadCache {

    private final Cache cache;
    private final boolean redis;

    ReadCache(@CacheName("upstream-reads") Cache local, @CacheName("upstream-reads-shared") Cache shared,
            GatewayConfig config) {
        this.redis = config.cache().backend() == GatewayConfig.Backend.REDIS;
        this.cache = redis ? shared : local;
    }

    /** The entry, or null when there is none. */
    public Uni<CachedRead> get(CacheKey key) {
        if (redis) {
            return cache.as(RedisCache.class).getOrNull(key.toString(), CachedRead.class);
        }
        java.util.concurrent.CompletableFuture<CachedRead> future = cache.as(CaffeineCache.class).getIfPresent(key.toString());
        return future == null ? Uni.createFrom().nullItem() : Uni.createFrom().completionStage(future);
    }

    public Uni<Void> put(CacheKey key, CachedRead read) {
        if (redis) {
            return cache.as(RedisCache.class).put(key.toString(), read);
        }
        cache.as(CaffeineCache.class).put(key.toString(), java.util.concurrent.CompletableFuture.completedFuture(read));
        return Uni.createFrom().voidItem();
    }

    /** Drops every entry whose key matches, whichever API key fetched it. */
    public Uni<Void> invalidateIf(Predicate<CacheKey> matches) {
        return cache.invalidateIf(key -> matches.test(CacheKey.parse(key.toString())));
    }

    public Uni<Void> invalidateAll() {
        return cache.invalidateAll();
    }
}
