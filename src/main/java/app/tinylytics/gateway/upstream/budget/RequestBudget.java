package app.tinylytics.gateway.upstream.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.ApiKey;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.upstream.UpstreamFailure;
import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * The hourly upstream budget of each key (1000 requests per sliding hour, for all replicas together) and each
 * caller's fair share of a server key: every upstream attempt must acquire a request first (checked and counted in
 * one step), upstream's 429s block the key, and snapshots tell the access layer when to spare the reserve.
 */
@ApplicationScoped
public class RequestBudget {

    private final Clock clock;
    private final int hourlyLimit;
    private final int reserve;
    private final int shareLimit;
    private final BudgetStore store;

    RequestBudget(Clock clock, GatewayConfig config, Instance<SharedState> shared) {
        this.clock = clock;
        this.hourlyLimit = config.upstream().hourlyLimit();
        this.reserve = (int) Math.ceil(hourlyLimit * config.budget().reservePercent() / 100.0);
        this.shareLimit = Math.max(1, (int) Math.floor(hourlyLimit * config.budget().callerSharePercent() / 100.0));
        this.store = switch (config.cache().backend()) {
            case CAFFEINE -> new LocalBudgetStore();
            case REDIS -> new FailoverBudgetStore(shared.get(), new RedisBudgetStore(shared.get().redis()),
                    new LocalBudgetStore(), config.budget().expectedReplicas());
        };
        Log.infof("Upstream budget: %d requests/hour per key (%d in reserve, at most %d per caller of a server key),"
                + " kept in %s", hourlyLimit, reserve, shareLimit, config.cache().backend());
    }

    /**
     * One upstream request for {@code auth}, counted now; fails without counting when the key is blocked or spent,
     * or the caller's share of a server key is spent.
     */
    public Uni<Void> acquire(UpstreamAuth auth, Endpoint endpoint) {
        long now = clock.millis();
        String shareHolder = auth.isServerKey() ? auth.shareHolder() : null;
        return store.acquire(auth.key().identity(), shareHolder, now, hourlyLimit, shareLimit).map(grant -> {
            if (grant.granted()) {
                return null;
            }
            long retryAfter = Math.max(1, (grant.retryAtMillis() - now + 999) / 1000);
            throw UpstreamFailure.notSent(endpoint, grant.refusal() == BudgetStore.Refusal.SHARE_SPENT
                    ? UpstreamFailure.Kind.CALLER_SHARE_SPENT : UpstreamFailure.Kind.BUDGET_SPENT, retryAfter);
        }).replaceWithVoid();
    }

    /** Upstream answered 429: nothing more for this key until {@code retryAfter} has passed. */
    public Uni<Void> blockFor(ApiKey key, Duration retryAfter) {
        return store.blockUntil(key.identity(), clock.instant().plus(retryAfter).toEpochMilli());
    }

    /** The key's budget now. */
    public Uni<Snapshot> snapshot(ApiKey key) {
        long now = clock.millis();
        return store.usage(key.identity(), null, now).map(usage -> snapshot(key.identity(), usage, now, null));
    }

    /** The budget of the key {@code auth} uses now, with the caller's own share when it is a server key. */
    public Uni<Snapshot> snapshot(UpstreamAuth auth) {
        long now = clock.millis();
        String shareHolder = auth.isServerKey() ? auth.shareHolder() : null;
        return store.usage(auth.key().identity(), shareHolder, now)
                .map(usage -> snapshot(auth.key().identity(), usage, now, shareHolder));
    }

    private Snapshot snapshot(String keyIdentity, BudgetStore.Usage usage, long now, String shareHolder) {
        FailoverBudgetStore failover = store instanceof FailoverBudgetStore it ? it : null;
        int divisor = failover == null ? 1 : failover.limitDivisor();
        int limit = failover == null ? hourlyLimit : failover.keyLimitNow(keyIdentity, hourlyLimit, now);
        boolean blocked = usage.blockedUntilMillis() > now;
        int remaining = blocked ? 0 : Math.max(0, limit - usage.keyCount());
        Instant resetsAt = usage.keyOldestMillis() == 0 ? null : Instant.ofEpochMilli(usage.keyOldestMillis() + BudgetStore.WINDOW_MILLIS);
        Instant nextRequestAt = blocked ? Instant.ofEpochMilli(usage.blockedUntilMillis()) : remaining > 0 ? null : resetsAt;
        Share share = null;
        if (shareHolder != null) {
            int ofShare = shareLimit / divisor;
            share = new Share(ofShare, Math.max(0, ofShare - usage.shareCount()), usage.shareOldestMillis() == 0 ? null
                    : Instant.ofEpochMilli(usage.shareOldestMillis() + BudgetStore.WINDOW_MILLIS));
        }
        return new Snapshot(limit, remaining, resetsAt, remaining <= reserve / divisor, nextRequestAt, Instant.ofEpochMilli(now), share);
    }

    /**
     * A key's budget: allowed per hour, left now, when the oldest counted request leaves the window, whether only the
     * reserve is left, when the next request may be sent, and the caller's own share of a server key (null otherwise).
     */
    public record Snapshot(int limit, int remaining, Instant resetsAt, boolean low, Instant nextRequestAt, Instant now,
            Share share) {

        public boolean spent() {
            return remaining <= 0;
        }

        /** Whole seconds until a request may be sent again, at least 1 when spent. */
        public long retryAfterSeconds() {
            if (nextRequestAt == null || !nextRequestAt.isAfter(now)) {
                return spent() ? 1 : 0;
            }
            return Math.max(1, Duration.between(now, nextRequestAt).toSeconds() + 1);
        }
    }

    /** One caller's share of a server key's hour: allowed, left, and when its oldest request leaves the window. */
    public record Share(int limit, int remaining, Instant resetsAt) {
    }
}
