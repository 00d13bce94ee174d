package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * Picks where cached reads, their generations and fetch leases live, by {@code gateway.cache.backend}: this process,
 * or Redis shared by replicas with this process as the fallback while Redis is unreachable.
 */
public class CacheStores {

    @Produces
    @ApplicationScoped
    ReadStore readStore(GatewayConfig config, Clock clock, Instance<SharedState> shared) {
        LocalReadStore local = new LocalReadStore(config.cache().maxBytes().asLongValue(), clock);
        return switch (config.cache().backend()) {
            case CAFFEINE -> local;
            case REDIS -> new FailoverReadStore(shared.get(), new RedisReadStore(shared.get().redis(), clock), local);
        };
    }

    @Produces
    @ApplicationScoped
    Generations generations(GatewayConfig config, Instance<SharedState> shared) {
        return switch (config.cache().backend()) {
            case CAFFEINE -> new LocalGenerations();
            case REDIS -> new FailoverGenerations(shared.get(), new RedisGenerations(shared.get().redis()),
                    new LocalGenerations());
        };
    }

    @Produces
    @ApplicationScoped
    FetchLeases fetchLeases(GatewayConfig config, Clock clock, Instance<SharedState> shared) {
        return switch (config.cache().backend()) {
            case CAFFEINE -> FetchLeases.ALONE;
            case REDIS -> new RedisFetchLeases(shared.get(), config.cache().fetchLease(), clock);
        };
    }
}
