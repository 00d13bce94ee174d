package app.tinylytics.gateway.observability;

import java.util.concurrent.atomic.AtomicInteger;

/** What one GraphQL operation cost: its start, and how many reads went upstream or came from cache. */
public final class OperationStats {

    private final long startNanos = System.nanoTime();
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final AtomicInteger staleHits = new AtomicInteger();

    /** Counts one more upstream call unless {@code max} were already made; atomic, as fields resolve concurrently. */
    public boolean upstreamCallWithin(int max) {
        int made;
        do {
            made = upstreamCalls.get();
            if (made >= max) {
                return false;
            }
        } while (!upstreamCalls.compareAndSet(made, made + 1));
        return true;
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    public void staleHit() {
        staleHits.incrementAndGet();
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    int upstreamCalls() {
        return upstreamCalls.get();
    }

    int cacheHits() {
        return cacheHits.get();
    }

    int staleHits() {
        return staleHits.get();
    }
}
