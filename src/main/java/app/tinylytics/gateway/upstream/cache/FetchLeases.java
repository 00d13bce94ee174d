package app.tinylytics.gateway.upstream.cache;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Single flight across replicas: of the replicas that miss the same read at once, one fetches it from upstream and
 * the others take its answer from the shared store. In one process, in-flight coalescing already does this.
 */
public interface FetchLeases {

    /**
     * {@code fetch} when this replica may fetch the read of {@code key} at {@code generation}; otherwise the entry the
     * replica holding the lease stores (read with {@code stored}), or, if none appears in time, {@code fetch} after all.
     */
    Uni<CachedRead> fetchOnce(ReadKey key, long generation, Supplier<Uni<CachedRead>> fetch, Supplier<Uni<CachedRead>> stored);

    /** No other replica: always fetch. */
    FetchLeases ALONE = (key, generation, fetch, stored) -> fetch.get();
}
