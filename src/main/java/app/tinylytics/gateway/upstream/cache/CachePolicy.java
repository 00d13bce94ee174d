package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.DeclaresExpiry;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/**
 * The caching policy: which key a read is cached under (docs/caching.md#read-keys), how long its answer stays fresh
 * (by the endpoint's freshness class, configured TTLs: docs/caching.md#freshness) and how long past that it is kept
 * to be served stale (docs/caching.md#stale-copies).
 */
@ApplicationScoped
public class CachePolicy {

    private final GatewayConfig.Ttl ttl;
    private final Duration staleWindow;
    private final Clock clock;

    @Inject
    CachePolicy(GatewayConfig config, Clock clock) {
        this(config.cache().ttl(), config.cache().staleWindow(), clock);
    }

    CachePolicy(GatewayConfig.Ttl ttl, Duration staleWindow, Clock clock) {
        this.ttl = ttl;
        this.staleWindow = staleWindow;
        this.clock = clock;
    }

    public ReadKey keyFor(String keyIdentity, Endpoint endpoint, long siteId, UpstreamQuery query) {
        return new ReadKey(keyIdentity, endpoint, siteId, query.canonicalFor(endpoint, today()));
    }

    /**
     * Until when an answer fetched {@code now} stays fresh; a time not after {@code now} means "do not cache". The
     * leaderboard carries its own expiry; everything else has a TTL by kind of data.
     */
    public Instant freshUntil(Endpoint endpoint, UpstreamQuery query, Object answer, Instant now) {
        return endpoint.freshness() == Endpoint.Freshness.DECLARED_BY_UPSTREAM
                ? declaredExpiry(answer, now)
                : now.plus(ttl(endpoint, query));
    }

    /**
     * How fresh a read is wanted before the budget has a say: its TTL, or for the leaderboard an hour (upstream
     * recomputes it about hourly). What {@link FreshnessPlanner} plans with.
     */
    public Duration ttl(Endpoint endpoint, UpstreamQuery query) {
        return switch (endpoint.freshness()) {
            case ACCOUNT -> ttl.account();
            case ANALYTICS -> query.range() != null && query.range().endedBefore(today())
                    ? ttl.analyticsClosedRange() : ttl.analytics();
            case INSIGHTS -> ttl.insights();
            case MONITORING -> ttl.monitoring();
            case DECLARED_BY_UPSTREAM -> Duration.ofHours(1);
            case NEVER_CACHED -> Duration.ZERO;
        };
    }

    /**
     * Whether the entry is fresh at {@code now} with its TTL stretched by {@code factor} to fit the budget; an expiry
     * upstream declared is never stretched.
     */
    public boolean isFresh(CachedRead entry, Endpoint endpoint, Instant now, double factor) {
        return endpoint.freshness() == Endpoint.Freshness.DECLARED_BY_UPSTREAM || factor <= 1
                ? entry.isFreshAt(now)
                : entry.isFreshAt(now, factor);
    }

    /** Until when the entry is fresh with its TTL stretched by {@code factor} (an expiry upstream declared stays). */
    public Instant freshUntil(CachedRead entry, Endpoint endpoint, double factor) {
        if (endpoint.freshness() == Endpoint.Freshness.DECLARED_BY_UPSTREAM || factor <= 1) {
            return entry.freshUntil();
        }
        long lifetime = entry.freshUntil().toEpochMilli() - entry.fetchedAt().toEpochMilli();
        return entry.fetchedAt().plusMillis((long) (lifetime * factor));
    }

    /** How long past its freshness an entry is kept, to be served stale when the budget runs low or upstream is down. */
    public Instant keepUntil(CachedRead read) {
        return read.freshUntil().plus(staleWindow);
    }

    private Instant declaredExpiry(Object answer, Instant now) {
        Instant declared = answer instanceof DeclaresExpiry expiring ? expiring.declaredExpiry() : null;
        return declared != null ? declared : now.plus(ttl.leaderboardFallback());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
