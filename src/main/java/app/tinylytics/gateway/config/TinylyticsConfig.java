package app.tinylytics.gateway.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the upstream Tinylytics API lives, which server keys the gateway holds, and whether the
 * embedded simulator is served. Every property has an environment variable (upper-case, dots and
 * dashes as underscores, e.g. {@code TINYLYTICS_API_BASE_URL}).
 */
@ConfigMapping(prefix = "tinylytics")
public interface TinylyticsConfig {

    /** The public Tinylytics API, used unless another base URL is configured. */
    String PUBLIC_BASE_URL = "https://tinylytics.app/api/v1";

    Api api();

    Simulator simulator();

    interface Api {
        /**
         * Base URL of the REST API v1. When the simulator is enabled and this is left at the public
         * default, the gateway talks to its own embedded simulator instead.
         */
        @WithDefault(PUBLIC_BASE_URL)
        String baseUrl();

        /** Server key for queries ({@code tly-ro-...} or {@code tly-fa-...}); callers may forward their own. */
        Optional<String> readKey();

        /** Server key for mutations ({@code tly-fa-...}); callers may forward their own. */
        Optional<String> writeKey();
    }

    interface Simulator {
        /** Serve the embedded Tinylytics API simulator under {@code /simulator/api/v1}. */
        @WithDefault("false")
        boolean enabled();

        /** Authenticated requests each key may make per hour before the simulator answers 429. */
        @WithDefault("1000")
        int hourlyLimit();

        /** Artificial delay added to every simulator response (without blocking a thread), e.g. {@code 50ms}. */
        @WithDefault("0s")
        Duration latency();

        /**
         * Share of simulator requests, 0 to 1, answered 503 before they are processed (nothing is read or
         * written): an unreliable upstream for the soak test. 0 in every other use.
         */
        @WithDefault("0")
        double faultRate();
    }
}
