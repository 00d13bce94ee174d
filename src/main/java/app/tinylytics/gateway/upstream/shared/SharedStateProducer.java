package app.tinylytics.gateway.upstream.shared;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/** The shared Redis state for {@code gateway.cache.backend=redis}, with its availability gauge. */
public class SharedStateProducer {

    @Produces
    @Singleton
    SharedState sharedState(Instance<ReactiveRedisDataSource> redis, MeterRegistry registry) {
        SharedState state = new SharedState(redis.get());
        Gauge.builder("gateway.shared.state.up", state, shared -> shared.isUp() ? 1 : 0)
                .description("1 while this replica reaches the Redis replicas share, 0 while it runs on its local fallback")
                .register(registry);
        return state;
    }
}
