package app.tinylytics.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the gateway treats the upstream: request budget, time limits and caching. Every property has an
 * environment variable, e.g. {@code gateway.cache.ttl.analytics} is {@code GATEWAY_CACHE_TTL_ANALYTICS}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Upstream upstream();

    Cache cache();

    Budget budget();

    TimeConfig clock();

    Health health();

    interface Upstream {
        /** Requests upstream allows per key per hour. */
        @WithDefault("1000")
        int hourlyLimit();

        /** Longest wait for one upstream answer, connect plus read. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Cache {
        /** Where cached reads and the budget live: {@code caffeine} (one instance) or {@code redis} (shared by replicas). */
        @WithDefault("caffeine")
        Backend backend();

        /** How long a read stays fresh, per kind of data. */
        Ttl ttl();

        /** How long past its freshness a read is kept to be served stale when the budget runs low or upstream is down. */
        @WithDefault("1h")
        Duration staleWindow();
    }

    enum Backend {
        CAFFEINE,
        REDIS
    }

    interface Ttl {
        /** me, sites, site. */
        @WithDefault("5m")
        Duration account();

        /** hits, hit groups, kudos, journeys whose range includes today. */
        @WithDefault("60s")
        Duration analytics();

        /** hits, hit groups, kudos, journeys whose range ended before today: that data no longer changes. */
        @WithDefault("1h")
        Duration analyticsClosedRange();

        /** insights and signals. */
        @WithDefault("5m")
        Duration insights();

        /** uptime and content monitoring. */
        @WithDefault("60s")
        Duration monitoring();

        /** The leaderboard when upstream sends no {@code cache_info.expires_at}. */
        @WithDefault("5m")
        Duration leaderboardFallback();
    }

    interface Budget {
        /** Share of the hourly limit kept in reserve: below it, cached reads are served stale instead of refreshed. */
        @WithDefault("5")
        int reservePercent();
    }

    interface TimeConfig {
        /**
         * How fast the application clock runs compared with real time. Leave at 1 in production; the
         * benchmark sets e.g. 60 to live a simulated hour in a minute.
         */
        @WithDefault("1")
        double rate();
    }

    interface Health {
        /** How long a readiness probe's verdict on upstream is reused before upstream is asked again. */
        @WithDefault("10s")
        Duration probeInterval();
    }
}
