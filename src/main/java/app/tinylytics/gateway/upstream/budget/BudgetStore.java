package app.tinylytics.gateway.upstream.budget;

import java.time.Instant;

import io.smallrye.mutiny.Uni;

/**
 * Where the per-key request log lives: in this process, or in Redis so that replicas share one
 * budget per key. Keys are key identities (keyed hashes), never API keys.
 */
public interface BudgetStore {

    /** Records one upstream request at {@code at}. */
    Uni<Void> record(String keyIdentity, Instant at);

    /** The requests counted since {@code windowStart}: how many, and the oldest of them (null when none). */
    Uni<Usage> usageSince(String keyIdentity, Instant windowStart);

    /** Upstream said "no more until then" (a 429 with Retry-After). */
    Uni<Void> blockUntil(String keyIdentity, Instant until);

    /** Requests counted in the window, the oldest of them, and any block upstream imposed. */
    record Usage(int count, Instant oldest, Instant blockedUntil) {
    }
}
