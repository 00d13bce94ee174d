package app.tinylytics.gateway.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * One GraphQL operation as the upstream layer sees it: how many upstream calls it made (and whether it may make
 * another, up to its cap), how many reads came from cache or were served stale, how far freshness was stretched to fit
 * the budget, which reads it used (to answer it again from cache, or to watch them live), and what its
 * {@code extensions.cache} tells the client. A subscription is evaluated again for each event: the cap, the reads and
 * what the notice says belong to the current evaluation.
 */
public final class Operation {

    /** Where a transport puts the operation in the GraphQL context it executes with. */
    public static final String CONTEXT_KEY = "tinylytics.operation";

    /** Outside any GraphQL operation (readiness probes, polls, unit tests): no cap, nobody reads the counters. */
    public static final Operation DETACHED = new Operation("detached", "none", Integer.MAX_VALUE);

    private final long startNanos = System.nanoTime();
    private final String name;
    private final String type;
    private final int maxUpstreamCalls;
    private final long maxRows;
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    /** Rows asked of upstream by the calls made (guarded by this). */
    private long rowsAsked;
    private final AtomicInteger cacheHits = new AtomicInteger();
    private final AtomicInteger staleHits = new AtomicInteger();
    private final List<ReadUse> reads = new CopyOnWriteArrayList<>();
    private volatile Evaluation evaluation = new Evaluation();
    private final AtomicBoolean personal = new AtomicBoolean();
    private final List<ReadWatcher> watchers = new CopyOnWriteArrayList<>();

    Operation(String name, String type, int maxUpstreamCalls) {
        this(name, type, maxUpstreamCalls, Long.MAX_VALUE);
    }

    Operation(String name, String type, int maxUpstreamCalls, long maxRows) {
        this.name = name;
        this.type = type;
        this.maxUpstreamCalls = maxUpstreamCalls;
        this.maxRows = maxRows;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** Counts one more upstream call unless the cap is reached; atomic, as fields resolve concurrently. */
    public boolean tryUpstreamCall() {
        return tryUpstreamCall(0);
    }

    /**
     * Counts one more upstream call asking for {@code rows} rows (a page's size; 0 for a read without pages) unless the
     * operation would then pass its cap of calls or of rows. The plan counts a field under {@code sites} once, as the
     * number of sites is known only once they are read: here each site's page counts, so a key with many sites cannot
     * make one operation fetch more than the cap of rows.
     */
    public synchronized boolean tryUpstreamCall(long rows) {
        if (upstreamCalls.get() >= maxUpstreamCalls || rows > maxRows - rowsAsked) {
                return false;
            }
        upstreamCalls.incrementAndGet();
        rowsAsked += rows;
        return true;
    }

    /**
     * A subscription evaluates its selection again for each event: the cap bounds one evaluation, not the
     * subscription's whole life, and the payload's notice speaks of the reads this evaluation used.
     */
    public synchronized void nextEvaluation() {
        upstreamCalls.set(0);
        rowsAsked = 0;
        reads.clear();
        evaluation = new Evaluation();
    }

    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** A read answered from a copy past its freshness: the answer says so in {@code extensions.cache}. */
    public void servedStale(Instant fetchedAt) {
        staleHits.incrementAndGet();
        evaluation.oldestStale.accumulateAndGet(fetchedAt, (a, b) -> a == null || b.isBefore(a) ? b : a);
    }

    /** Reads stayed fresh {@code factor} times longer than configured, to fit the key's budget: the answer says so. */
    public void stretched(double factor) {
        evaluation.stretched.accumulateAndGet(factor, Math::max);
    }

    /**
     * A read was planned with the key's freshness {@code factor}: a subscription's reads are refreshed that many times
     * less often than asked, which its payload says.
     */
    public void planned(double factor) {
        evaluation.planned.accumulateAndGet(factor, Math::max);
    }

    /** The answer holds something about the caller itself (its own budget share): it is never reused for anyone. */
    public void markPersonal() {
        personal.set(true);
    }

    /**
     * The operation used a read; {@code refresh} brings that read up to date (fetching it when its cached copy is
     * older than the given age) and tells the version of its content.
     */
    public void used(ReadUse read, Function<Duration, Uni<Long>> refresh) {
        if (this == DETACHED) {
            return; // shared by every read outside an operation: remembering them would only grow without end
        }
        reads.add(read);
        for (ReadWatcher watcher : watchers) {
            watcher.used(read.readId(), refresh);
        }
    }

    /** The reads used so far. */
    public List<ReadUse> reads() {
        return List.copyOf(reads);
    }

    /** True when the answer may be served again to the same key until its reads' freshness ends. */
    public boolean reusable() {
        return reusableUntil() != null;
    }

    /** Until when the answer may be served again to the same key (see {@link #reusable()}); null when it may not. */
    public Instant reusableUntil() {
        return personal.get() ? null : ReadUse.freshUntil(reads());
    }

    /** Asks to be told about every upstream read the operation uses from now on. */
    public void watchReads(ReadWatcher watcher) {
        watchers.add(watcher);
    }

    public void stopWatchingReads(ReadWatcher watcher) {
        watchers.remove(watcher);
    }

    /** Told about the upstream reads an operation uses. */
    @FunctionalInterface
    public interface ReadWatcher {

        void used(String readId, Function<Duration, Uni<Long>> refresh);
    }

    /** What the answer's {@code extensions.cache} says: stale copies and stretched freshness; null when neither. */
    public Map<String, Object> cacheNotice() {
        Evaluation current = evaluation;
        Instant oldest = current.oldestStale.get();
        double factor = current.stretched.get();
        if (oldest == null && factor <= 1) {
            return null;
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        if (oldest != null) {
            notice.put("stale", true);
            notice.put("oldestFetchedAt", oldest.toString());
        }
        if (factor > 1) {
            notice.put("freshnessFactor", round(factor));
        }
        return notice;
    }

    /**
     * What a subscription payload's {@code extensions.cache} says, always: when the oldest data in it was fetched
     * ({@code oldestFetchedAt}), whether some was served stale, and the key's {@code freshnessFactor} when its reads are
     * refreshed less often than asked. A subscriber gets a new payload only when its result changed, so this is how it
     * knows how old what it shows is: no older than {@code oldestFetchedAt} when it arrived, and refreshed every
     * {@code everySeconds} times that factor afterwards. Null when the evaluation used no read the gateway dates.
     */
    public Map<String, Object> liveNotice() {
        Evaluation current = evaluation;
        Instant oldest = current.oldestStale.get();
        for (ReadUse read : reads) {
            if (read.fetchedAt() != null && (oldest == null || read.fetchedAt().isBefore(oldest))) {
                oldest = read.fetchedAt();
            }
        }
        double factor = current.planned.get();
        if (oldest == null && factor <= 1) {
            return null;
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        if (current.oldestStale.get() != null) {
            notice.put("stale", true);
        }
        if (oldest != null) {
            notice.put("oldestFetchedAt", oldest.toString());
        }
        if (factor > 1) {
            notice.put("freshnessFactor", round(factor));
        }
        return notice;
    }

    private static double round(double factor) {
        return Math.round(factor * 100) / 100.0;
    }

    /** What one evaluation's notice is made of. */
    private static final class Evaluation {

        private final AtomicReference<Instant> oldestStale = new AtomicReference<>();
        private final AtomicReference<Double> stretched = new AtomicReference<>(1.0);
        private final AtomicReference<Double> planned = new AtomicReference<>(1.0);
    }

    long elapsedNanos() {
        return System.nanoTime() - startNanos;
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
