package app.tinylytics.gateway.upstream.budget;

import io.smallrye.mutiny.Uni;

/**
 * Where the per-key request counts live: in this process, or in Redis so that replicas share one budget per key.
 * Keys are key identities (keyed hashes), never API keys; a share holder is who spends a share of a server key.
 * Counting is atomic with the check, so concurrent requests can never spend past a limit.
 */
public interface BudgetStore {

    /** The sliding window the counts cover. */
    long WINDOW_MILLIS = 3_600_000;

    /**
     * Unless the key is blocked, its window holds {@code keyLimit} requests, or the share holder's (when not null) holds
     * {@code shareLimit}: counts one request for both, in one atomic step.
     */
    Uni<Grant> acquire(String keyIdentity, String shareHolder, long nowMillis, int keyLimit, int shareLimit);

    /** The key's (and the share holder's, when not null) counts in the window ending now. */
    Uni<Usage> usage(String keyIdentity, String shareHolder, long nowMillis);

    /** Upstream said "no more until then" (a 429 with Retry-After). */
    Uni<Void> blockUntil(String keyIdentity, long untilMillis);

    /** Why a request was not granted. */
    enum Refusal {
        BLOCKED,
        KEY_SPENT,
        SHARE_SPENT
    }

    /**
     * Granted, or refused for a reason until {@code retryAtMillis}; {@code keyCount} is the key's count in the window
     * after this request (what a replica last knew the whole deployment had spent, should Redis go away).
     */
    record Grant(Refusal refusal, long retryAtMillis, int keyCount) {

        static Grant granted(int keyCount) {
            return new Grant(null, 0, keyCount);
        }

        static Grant refused(Refusal refusal, long retryAtMillis, int keyCount) {
            return new Grant(refusal, retryAtMillis, keyCount);
        }

        public boolean granted() {
            return refusal == null;
        }
    }

    /**
     * Counts in the window: the key's and the oldest of them (0 when none), the block's end (0 when none), and the
     * share holder's count and oldest (0 when none or no share holder).
     */
    record Usage(int keyCount, long keyOldestMillis, long blockedUntilMillis, int shareCount, long shareOldestMillis) {
    }
}
