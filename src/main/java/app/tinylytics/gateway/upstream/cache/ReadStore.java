package app.tinylytics.gateway.upstream.cache;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/** Where cached upstream reads are kept: in this process or in Redis, shared by replicas. */
public interface ReadStore {

    /** The entry, or null when there is none. */
    Uni<CachedRead> get(ReadKey key);

    /** Keeps the entry until {@code keepUntil} at the latest (the store may drop it earlier under memory pressure). */
    Uni<Void> put(ReadKey key, CachedRead read, Instant keepUntil);
}
