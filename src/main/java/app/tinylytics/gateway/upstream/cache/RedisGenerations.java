package app.tinylytics.gateway.upstream.cache;

import java.util.Set;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;

/** Generations in Redis, so a write on one replica invalidates the reads of every replica. */
final class RedisGenerations implements Generations {

    static final String PREFIX = "tinylytics-gateway:generation:";

    private final ReactiveValueCommands<String, Long> counters;

    RedisGenerations(ReactiveRedisDataSource redis) {
        this.counters = redis.value(Long.class);
    }

    @Override
    public Uni<Long> current(long siteId, Endpoint endpoint) {
        return counters.get(key(siteId, endpoint)).map(value -> value == null ? 0L : value);
    }

    @Override
    public Uni<Void> bump(long siteId, Set<Endpoint> endpoints) {
        return Uni.join().all(endpoints.stream().map(endpoint -> counters.incr(key(siteId, endpoint))).toList())
                .andFailFast().replaceWithVoid();
    }

    private static String key(long siteId, Endpoint endpoint) {
        return PREFIX + siteId + ":" + endpoint.name();
    }
}
