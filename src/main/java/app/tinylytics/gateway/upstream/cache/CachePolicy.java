package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamQuery;
import app.tinylytics.gateway.upstream.dto.LeaderboardDto;

/**
 * The caching policy of ARCHITECTURE.md in one place: which query a read is cached under (after
 * upstream's documented defaults are applied) and how long its answer stays fresh.
 */
@ApplicationScoped
public class CachePolicy {

    /** Endpoints whose range defaults to the last 30 days up to today. */
    private static final Set<Endpoint> DATED = EnumSet.of(Endpoint.HITS, Endpoint.KUDOS, Endpoint.JOURNEYS, Endpoint.SIGNALS);
    private static final int DEFAULT_RANGE_DAYS = 30;

    private final GatewayConfig.Ttl ttl;
    private final Clock clock;

    CachePolicy(GatewayConfig config, Clock clock) {
        this.ttl = config.cache().ttl();
        this.clock = clock;
    }

    public CacheKey keyFor(String fingerprint, Endpoint endpoint, long siteId, UpstreamQuery query) {
        Map<String, String> params = withDefaults(endpoint, query);
        String normalized = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return new CacheKey(fingerprint, endpoint, siteId, normalized);
    }

    /**
     * Until when an answer fetched now stays fresh; a time not after {@code now} means "do not cache".
     * The leaderboard carries its own expiry; everything else has a TTL by kind of data.
     */
    public Instant freshUntil(Endpoint endpoint, UpstreamQuery query, Object answer, Instant now) {
        if (endpoint == Endpoint.LEADERBOARD) {
            LeaderboardDto leaderboard = (LeaderboardDto) answer;
            if (leaderboard.cacheInfo() != null && leaderboard.cacheInfo().expiresAt() != null) {
                return leaderboard.cacheInfo().expiresAt().toInstant();
            }
            return now.plus(ttl.leaderboardFallback());
        }
        return now.plus(ttlOf(endpoint, query));
    }

    private Duration ttlOf(Endpoint endpoint, UpstreamQuery query) {
        return switch (endpoint) {
            case ME, SITES, SITE -> ttl.account();
            case HITS, KUDOS, JOURNEYS -> endsBeforeToday(query) ? ttl.analyticsClosedRange() : ttl.analytics();
            case INSIGHTS, SIGNALS -> ttl.insights();
            case UPTIME, CONTENT -> ttl.monitoring();
            default -> Duration.ZERO;
        };
    }

    /**
     * True when the range ended before today in its own time zone. For the account's time zone, which
     * the gateway does not know, "before yesterday in UTC" is before today everywhere.
     */
    private boolean endsBeforeToday(UpstreamQuery query) {
        String end = query.asMap().get("end_date");
        if (end == null) {
            return false;
        }
        LocalDate today = today();
        boolean accountZone = "user".equals(query.asMap().get("time_zone"));
        return LocalDate.parse(end).isBefore(accountZone ? today.minusDays(1) : today);
    }

    private Map<String, String> withDefaults(Endpoint endpoint, UpstreamQuery query) {
        Map<String, String> params = new TreeMap<>(query.asMap());
        if (!DATED.contains(endpoint) || "user".equals(params.get("time_zone"))) {
            // In the account's time zone "today" depends on a zone the gateway does not know: keep the query as sent.
            return params;
        }
        params.remove("time_zone");
        LocalDate end = params.containsKey("end_date") ? LocalDate.parse(params.get("end_date")) : today();
        params.putIfAbsent("end_date", end.toString());
        params.putIfAbsent("start_date", end.minusDays(DEFAULT_RANGE_DAYS).toString());
        return params;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
