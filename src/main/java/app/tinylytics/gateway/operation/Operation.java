package app.tinylytics.gateway.operation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.graphql.execution.context.SmallRyeContext;

/**
 * One GraphQL operation as the upstream layer sees it: how many upstream calls it made (and whether it may make
 * another, up to its cap), how many reads came from cache or were served stale, and the {@code extensions.cache}
 * notice that tells the client part of its answer is stale.
 */
public final class Operation {

    /** Where a transport puts the operation in the GraphQL context it executes with. */
    public static final String CONTEXT_KEY = "tinylytics.operation";

    /** Outside any GraphQL operation (readiness probes, unit tests): no cap, nobody reads the counters. */
    public static final Operation DETACHED = new Operation(null, Integer.MAX_VALUE);

    static final String CACHE_EXTENSION = "cache";

    private final long startNanos = System.nanoTime();
    private final SmallRyeContext context;
    private final int maxUpstreamCalls;
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final AtomicInteger staleHits = new AtomicInteger();
    private final AtomicReference<Instant> oldestStale = new AtomicReference<>();

    Operation(SmallRyeContext context, int maxUpstreamCalls) {
        this.context = context;
        this.maxUpstreamCalls = maxUpstreamCalls;
    }

    /** Counts one more upstream call unless the cap is reached; atomic, as fields resolve concurrently. */
    public boolean tryUpstreamCall() {
        int made;
        do {
            made = upstreamCalls.get();
            if (made >= maxUpstreamCalls) {
                return false;
            }
        } while (!upstreamCalls.compareAndSet(made, made + 1));
        return true;
    }

    public int maxUpstreamCalls() {
        return maxUpstreamCalls;
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** A read answered from a copy past its freshness: the answer says so in {@code extensions.cache}. */
    public void servedStale(Instant fetchedAt) {
        staleHits.incrementAndGet();
        Instant oldest = oldestStale.accumulateAndGet(fetchedAt, (a, b) -> a == null || b.isBefore(a) ? b : a);
        if (context != null) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("stale", true);
            notice.put("oldestFetchedAt", oldest.toString());
            synchronized (context) {
                context.addExtension(CACHE_EXTENSION, notice);
            }
        }
    }

    /** When the oldest copy served stale in this operation was fetched; null when nothing was stale. */
    public Instant oldestStale() {
        return oldestStale.get();
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
