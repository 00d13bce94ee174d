package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Sha256;
import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * Fetch leases in Redis: {@code SET NX PX} on a key for the read and its generation decides which replica calls
 * upstream; the others poll the shared store for its answer until the lease runs out, then fetch themselves (the
 * holder may have failed). While Redis is unreachable every replica fetches for itself.
 */
final class RedisFetchLeases implements FetchLeases {

    static final String PREFIX = "tinylytics-gateway:lease:";
    private static final Duration POLL = Duration.ofMillis(50);

    private final SharedState shared;
    private final ReactiveValueCommands<String, String> values;
    private final Duration lease;
    private final Clock clock;
    private final String replica = UUID.randomUUID().toString();

    RedisFetchLeases(SharedState shared, Duration lease, Clock clock) {
        this.shared = shared;
        this.values = shared.redis().value(String.class);
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public Uni<CachedRead> fetchOnce(ReadKey key, long generation, Supplier<Uni<CachedRead>> fetch,
            Supplier<Uni<CachedRead>> stored) {
        String leaseKey = PREFIX + Sha256.hex(key.encoded()) + ":" + generation;
        return shared.withFallback(() -> values.setGet(leaseKey, replica, new SetArgs().nx().px(lease))
                        .map(previous -> previous == null),
                () -> Uni.createFrom().item(true))
                .chain(holder -> holder
                        ? fetch.get()
                        : awaitHolder(generation, fetch, stored, System.nanoTime() + lease.toNanos()));
    }

    private Uni<CachedRead> awaitHolder(long generation, Supplier<Uni<CachedRead>> fetch, Supplier<Uni<CachedRead>> stored,
            long deadlineNanos) {
        return Uni.createFrom().voidItem().onItem().delayIt().by(POLL)
                .chain(stored::get)
                .onFailure().recoverWithNull()
                .chain(entry -> {
                    if (entry != null && entry.generation() == generation && entry.isFreshAt(clock.instant())) {
                        return Uni.createFrom().item(entry);
                    }
                    // The lease expires in Redis in real milliseconds, whatever the gateway's clock rate: wait as long.
                    return System.nanoTime() - deadlineNanos >= 0 ? fetch.get()
                            : awaitHolder(generation, fetch, stored, deadlineNanos);
                });
    }

}
