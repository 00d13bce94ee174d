package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.mutiny.Uni;

/**
 * Cached reads in this process: a Caffeine cache bounded in bytes (each entry weighs its key and its JSON), each
 * entry dropped when its stale window ends. Caffeine is used directly because Quarkus Cache's Caffeine backend can
 * bound a cache only by entry count and expire all entries after one fixed time.
 */
final class LocalReadStore implements ReadStore {

    /** Per-entry bookkeeping (key string, object headers, the map node) beyond the JSON itself. */
    private static final int ENTRY_OVERHEAD_BYTES = 160;

    private final Cache<String, Held> entries;

    LocalReadStore(long maxBytes, Clock clock) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Held held) -> 2 * key.length() + held.read().weight() + ENTRY_OVERHEAD_BYTES)
                .expireAfter(Expiry.creating((String key, Held held) -> held.lifetime(clock)))
                .build();
    }

    @Override
    public Uni<CachedRead> get(ReadKey key) {
        Held held = entries.getIfPresent(key.encoded());
        return Uni.createFrom().item(held == null ? null : held.read());
    }

    @Override
    public Uni<Void> put(ReadKey key, CachedRead read, Instant keepUntil) {
        entries.put(key.encoded(), new Held(read, keepUntil));
        return Uni.createFrom().voidItem();
    }

    private record Held(CachedRead read, Instant keepUntil) {

        Duration lifetime(Clock clock) {
            Duration left = Duration.between(clock.instant(), keepUntil);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }
}
