package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/** Cached reads in Redis, shared by every replica: one string per read, expiring when its stale window ends. */
final class RedisReadStore implements ReadStore {

    static final String PREFIX = "tinylytics-gateway:reads:";

    private final ReactiveValueCommands<String, byte[]> values;
    private final Clock clock;

    RedisReadStore(ReactiveRedisDataSource redis, Clock clock) {
        this.values = redis.value(byte[].class);
        this.clock = clock;
    }

    @Override
    public Uni<CachedRead> get(ReadKey key) {
        return values.get(PREFIX + key.encoded()).map(CachedRead::fromBytes);
    }

    @Override
    public Uni<Void> put(ReadKey key, CachedRead read, Instant keepUntil) {
        // Gateway-clock milliseconds taken as real ones: under a faster benchmark clock an entry stays longer than it
        // need, never shorter; whether it is fresh is decided by its own timestamps, not by Redis' expiry.
        long millis = keepUntil.toEpochMilli() - clock.millis();
        if (millis <= 0) {
            return Uni.createFrom().voidItem();
        }
        return values.set(PREFIX + key.encoded(), read.toBytes(), new SetArgs().px(millis));
    }
}
