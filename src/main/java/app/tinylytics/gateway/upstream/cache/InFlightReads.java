package app.tinylytics.gateway.upstream.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Coalesces identical upstream reads issued at the same time (two aliases in one query, two frontends polling
 * together) into one upstream request whose answer they all share. A read joins only one asked under the same
 * generation, so nothing asked after a write is answered with data fetched before it.
 */
@ApplicationScoped
public class InFlightReads {

    private final Map<String, Uni<CachedRead>> inFlight = new ConcurrentHashMap<>();

    /** Joins the read already in flight for the key and generation, or starts {@code fetch}. */
    public Joined join(ReadKey key, long generation, Supplier<Uni<CachedRead>> fetch) {
        String id = key.encoded() + "#" + generation;
        boolean[] started = {false};
        Uni<CachedRead> shared = inFlight.computeIfAbsent(id, k -> {
            started[0] = true;
            return fetch.get()
                    .onTermination().invoke(() -> inFlight.remove(k))
                    .memoize().indefinitely();
        });
        return new Joined(shared, !started[0]);
    }

    /** The read in flight for the key and generation, to share its answer; null when none is. */
    public Uni<CachedRead> inFlight(ReadKey key, long generation) {
        return inFlight.get(key.encoded() + "#" + generation);
    }

    /** A read to subscribe to, and whether it was already in flight. */
    public record Joined(Uni<CachedRead> read, boolean coalesced) {
    }
}
