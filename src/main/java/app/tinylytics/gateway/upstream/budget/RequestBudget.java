package app.tinylytics.gateway.upstream.budget;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.ApiKey;

/**
 * The hourly upstream budget of each key (1000 requests per sliding hour): counts every upstream
 * request, learns from upstream's 429s, and tells the access layer when to spare the reserve.
 */
@ApplicationScoped
public class RequestBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int hourlyLimit;
    private final int reserve;
    private final BudgetStore store;

    RequestBudget(Clock clock, GatewayConfig config, Instance<ReactiveRedisDataSource> redis) {
        this.clock = clock;
        this.hourlyLimit = config.upstream().hourlyLimit();
        this.reserve = (int) Math.ceil(hourlyLimit * config.budget().reservePercent() / 100.0);
        this.store = config.cache().backend() == GatewayConfig.Backend.REDIS
                ? new RedisBudgetStore(redis.get())
                : new LocalBudgetStore();
        Log.infof("Upstream budget: %d requests/hour per key, %d in reserve, kept in %s", hourlyLimit, reserve,
                config.cache().backend());
    }

    /** Records one upstream request made with the key. */
    public Uni<Void> record(ApiKey key) {
        return store.record(key.identity(), clock.instant());
    }

    /** Upstream answered 429: nothing more for this key until {@code retryAfter} has passed. */
    public Uni<Void> blockFor(ApiKey key, Duration retryAfter) {
        return store.blockUntil(key.identity(), clock.instant().plus(retryAfter));
    }

    /** The key's budget now. */
    public Uni<Snapshot> snapshot(ApiKey key) {
        Instant now = clock.instant();
        return store.usageSince(key.identity(), now.minus(WINDOW)).map(usage -> snapshot(usage, now));
    }

    private Snapshot snapshot(BudgetStore.Usage usage, Instant now) {
        Instant blockedUntil = usage.blockedUntil() != null && usage.blockedUntil().isAfter(now) ? usage.blockedUntil() : null;
        int remaining = blockedUntil != null ? 0 : Math.max(0, hourlyLimit - usage.count());
        Instant resetsAt = usage.oldest() == null ? null : usage.oldest().plus(WINDOW);
        Instant nextRequestAt = blockedUntil != null ? blockedUntil : remaining > 0 ? now : resetsAt;
        return new Snapshot(hourlyLimit, remaining, resetsAt, remaining <= reserve, nextRequestAt, now);
    }

    /**
     * A key's budget: allowed per hour, left now, when the oldest counted request leaves the window,
     * whether only the reserve is left, and when the next request may be sent.
     */
    public record Snapshot(int limit, int remaining, Instant resetsAt, boolean low, Instant nextRequestAt, Instant now) {

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
}
