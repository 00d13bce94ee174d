package app.tinylytics.gateway.upstream.budget;

import java.time.Duration;
import java.util.ArrayDeque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * The request counts of a single gateway instance, in memory: one window of request times per key and per share
 * holder, forgotten once idle for longer than the window and bounded in number, so random keys cannot grow it.
 */
final class LocalBudgetStore implements BudgetStore {

    static final long MAX_WINDOWS = 100_000;

    private final Cache<String, RequestLog> windows = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMillis(WINDOW_MILLIS).plusMinutes(5))
            .maximumSize(MAX_WINDOWS)
            .build();

    @Override
    public Uni<Grant> acquire(String keyIdentity, String shareHolder, long nowMillis, int keyLimit, int shareLimit) {
        RequestLog key = windows.get(keyIdentity, k -> new RequestLog());
        RequestLog share = shareHolder == null ? null : windows.get(shareKey(keyIdentity, shareHolder), k -> new RequestLog());
        // One lock per key: a share window is only ever touched under its key's lock, so the two change together.
        synchronized (key) {
            key.prune(nowMillis);
            if (key.blockedUntil > nowMillis) {
                return Uni.createFrom().item(Grant.refused(Refusal.BLOCKED, key.blockedUntil, key.times.size()));
            }
            if (key.times.size() >= keyLimit) {
                return Uni.createFrom().item(
                        Grant.refused(Refusal.KEY_SPENT, oldestOr(key, nowMillis) + WINDOW_MILLIS, key.times.size()));
            }
            if (share != null) {
                share.prune(nowMillis);
                if (share.times.size() >= shareLimit) {
                    return Uni.createFrom().item(Grant.refused(Refusal.SHARE_SPENT, share.times.peekFirst() + WINDOW_MILLIS,
                            key.times.size()));
                }
                share.times.addLast(nowMillis);
            }
            key.times.addLast(nowMillis);
            return Uni.createFrom().item(Grant.granted(key.times.size()));
        }
    }

    /** When the window's oldest request was made; now, for a limit of zero (nothing counted yet, nothing allowed). */
    private static long oldestOr(RequestLog log, long nowMillis) {
        Long oldest = log.times.peekFirst();
        return oldest == null ? nowMillis : oldest;
    }

    @Override
    public Uni<Usage> usage(String keyIdentity, String shareHolder, long nowMillis) {
        RequestLog key = windows.get(keyIdentity, k -> new RequestLog());
        RequestLog share = shareHolder == null ? null : windows.getIfPresent(shareKey(keyIdentity, shareHolder));
        synchronized (key) {
            key.prune(nowMillis);
            int shareCount = 0;
            long shareOldest = 0;
            if (share != null) {
                share.prune(nowMillis);
                shareCount = share.times.size();
                shareOldest = share.times.isEmpty() ? 0 : share.times.peekFirst();
            }
            return Uni.createFrom().item(new Usage(key.times.size(), key.times.isEmpty() ? 0 : key.times.peekFirst(),
                    key.blockedUntil > nowMillis ? key.blockedUntil : 0, shareCount, shareOldest));
        }
    }

    @Override
    public Uni<Void> blockUntil(String keyIdentity, long untilMillis) {
        RequestLog key = windows.get(keyIdentity, k -> new RequestLog());
        synchronized (key) {
            key.blockedUntil = Math.max(key.blockedUntil, untilMillis);
        }
        return Uni.createFrom().voidItem();
    }

    static String shareKey(String keyIdentity, String shareHolder) {
        return keyIdentity + "|" + shareHolder;
    }

    /** Request times in the window, oldest first; guarded by the key window's monitor. */
    private static final class RequestLog {

        private final ArrayDeque<Long> times = new ArrayDeque<>();
        private long blockedUntil;

        void prune(long nowMillis) {
            long windowStart = nowMillis - WINDOW_MILLIS;
            while (!times.isEmpty() && times.peekFirst() <= windowStart) {
                times.removeFirst();
            }
        }
    }
}
