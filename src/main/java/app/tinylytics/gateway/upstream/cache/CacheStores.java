package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

import app.tinylytics.gateway.config.GatewayConfig;

/** Picks where cached reads and their generations live, by {@code gateway.cache.backend}: this process or Redis. */
public class CacheStores {

    @Produces
    @ApplicationScoped
    ReadStore readStore(GatewayConfig config, Clock clock, Instance<ReactiveRedisDataSource> redis) {
        return switch (config.cache().backend()) {
            case CAFFEINE -> new LocalReadStore(config.cache().maxBytes().asLongValue(), clock);
            case REDIS -> new RedisReadStore(redis.get(), clock);
        };
    }

    @Produces
    @ApplicationScoped
    Generations generations(GatewayConfig config, Instance<ReactiveRedisDataSource> redis) {
        return switch (config.cache().backend()) {
            case CAFFEINE -> new LocalGenerations();
            case REDIS -> new RedisGenerations(redis.get());
        };
    }
}
