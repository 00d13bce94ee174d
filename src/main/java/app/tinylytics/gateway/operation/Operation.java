package app.tinylytics.gateway.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.mutiny.Uni;

/**
 * One GraphQL operation as the upstream layer sees it: how many upstream calls it made (and whether it may make
 * another, up to its cap), how many reads came from cache or were served stale, how far freshness was stretched to fit
 * the budget, and who wants to know which reads it used (a live subscription watches them). What the client should
 * know about the cache is its {@code extensions.cache}.
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
    private final AtomicReference<Double> freshnessFactor = new AtomicReference<>(1.0);
    private final List<ReadWatcher> watchers = new CopyOnWriteArrayList<>();

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
        oldestStale.accumulateAndGet(fetchedAt, (a, b) -> a == null || b.isBefore(a) ? b : a);
        publishCacheNotice();
    }

    /** Reads stayed fresh {@code factor} times longer than configured, to fit the key's budget: the answer says so. */
    public void stretched(double factor) {
        if (factor > 1 && factor > freshnessFactor.getAndAccumulate(factor, Math::max)) {
            publishCacheNotice();
        }
    }

    /** When the oldest copy served stale in this operation was fetched; null when nothing was stale. */
    public Instant oldestStale() {
        return oldestStale.get();
    }

    /** Asks to be told about every upstream read the operation uses from now on. */
    public void watchReads(ReadWatcher watcher) {
        watchers.add(watcher);
    }

    public void stopWatchingReads(ReadWatcher watcher) {
        watchers.remove(watcher);
    }

    /**
     * The operation used the read {@code readId}; {@code refresh} brings that read up to date (fetching it when its
     * cached copy is older than the given age) and tells the version of its content.
     */
    public void used(String readId, Function<Duration, Uni<Long>> refresh) {
        for (ReadWatcher watcher : watchers) {
            watcher.used(readId, refresh);
        }
    }

    /** Told about the upstream reads an operation uses. */
    @FunctionalInterface
    public interface ReadWatcher {

        void used(String readId, Function<Duration, Uni<Long>> refresh);
    }

    private void publishCacheNotice() {
        if (context == null) {
            return;
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        Instant oldest = oldestStale.get();
        if (oldest != null) {
            notice.put("stale", true);
            notice.put("oldestFetchedAt", oldest.toString());
        }
        double factor = freshnessFactor.get();
        if (factor > 1) {
            notice.put("freshnessFactor", Math.round(factor * 100) / 100.0);
        }
        synchronized (context) {
            context.addExtension(CACHE_EXTENSION, notice);
        }
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
