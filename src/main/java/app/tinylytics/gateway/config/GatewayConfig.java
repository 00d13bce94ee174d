package app.tinylytics.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway treats the upstream: request budget and time limits. Env vars: {@code GATEWAY_...}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Upstream upstream();

    interface Upstream {
        /** Requests upstream allows per key per hour ({@code GATEWAY_UPSTREAM_HOURLY_LIMIT}). */
        @WithDefault("1000")
        int hourlyLimit();

        /** Longest wait for one upstream answer, connect plus read ({@code GATEWAY_UPSTREAM_TIMEOUT}). */
        @WithDefault("5s")
        Duration timeout();
    }
}
