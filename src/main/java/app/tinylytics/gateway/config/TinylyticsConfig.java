package app.tinylytics.gateway.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the upstream Tinylytics API lives and which server keys the gateway holds. Every property has an
 * environment variable (upper-case, dots and dashes as underscores, e.g. {@code TINYLYTICS_API_BASE_URL}).
 */
@ConfigMapping(prefix = "tinylytics")
public interface TinylyticsConfig {

    /** The public Tinylytics API, used unless another base URL is configured. */
    String PUBLIC_BASE_URL = "https://tinylytics.app/api/v1";

    Api api();

    interface Api {
        /** Base URL of the REST API v1 (dev, tests and the demo build point it at the embedded simulator). */
        @WithDefault(PUBLIC_BASE_URL)
        String baseUrl();

        /** Server key for queries ({@code tly-ro-...} or {@code tly-fa-...}); callers may forward their own. */
        Optional<String> readKey();

        /** Server key for mutations ({@code tly-fa-...}); callers may forward their own. */
        Optional<String> writeKey();
    }
}
