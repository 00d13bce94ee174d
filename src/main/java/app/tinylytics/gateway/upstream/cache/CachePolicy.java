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
     * How fresh a read is wanted: as often as a live subscriber asked ({@code asked}), else its TTL. Data that cannot
     * change before its TTL ends (an expiry upstream declared, a date range that has ended) keeps its TTL whatever a
     * subscriber asks: looking at it more often fetches nothing new, and must not weigh in the budget's plan.
     */
    public Duration wantedAge(Endpoint endpoint, UpstreamQuery query, Duration asked) {
        return asked == null || !canChangeWithinTtl(endpoint, query) ? ttl(endpoint, query) : asked;
    }

    /**
     * Whether the entry may answer a live subscriber's poll at {@code now}: younger than {@link #wantedAge} stretched by
     * {@code factor}, or, for an expiry upstream declared, not yet expired (never stretched).
     */
    public boolean isFreshFor(CachedRead entry, Endpoint endpoint, UpstreamQuery query, Duration asked, Instant now,
            double factor) {
        if (endpoint.freshness() == Endpoint.Freshness.DECLARED_BY_UPSTREAM) {
            return entry.isFreshAt(now);
        }
        Duration wanted = wantedAge(endpoint, query, asked);
        return entry.isYoungerThan(factor <= 1 ? wanted : Duration.ofMillis((long) (wanted.toMillis() * factor)), now);
    }

    private boolean canChangeWithinTtl(Endpoint endpoint, UpstreamQuery query) {
        return switch (endpoint.freshness()) {
            case ANALYTICS -> query.range() == null || !query.range().endedBefore(today());
            case ACCOUNT, INSIGHTS, MONITORING -> true;
            case DECLARED_BY_UPSTREAM, NEVER_CACHED -> false;
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
