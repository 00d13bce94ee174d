package app.tinylytics.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one test profile for WireMock-backed tests: every such test class shares it, so the app boots
 * once for all of them.
 */
public class WireMockProfile implements QuarkusTestProfile {

    /** A short upstream timeout keeps timeout tests quick, with room for a slow first request on a busy 2-core machine. */
    public static final int UPSTREAM_TIMEOUT_MILLIS = 3000;
    /** Consecutive failed attempts that open the circuit breaker. */
    public static final int CIRCUIT_VOLUME = 6;
    /** How long the circuit stays open before a probe. */
    public static final int CIRCUIT_DELAY_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("gateway.upstream.timeout", UPSTREAM_TIMEOUT_MILLIS + "ms"),
                // Quick retries, a short Retry-After ceiling and a small, quickly recovering circuit breaker,
                // so fault tests run in seconds (the breaker's delay is real time).
                Map.entry("gateway.retry.delay", "50ms"),
                Map.entry("gateway.retry.jitter", "20ms"),
                Map.entry("gateway.retry.max-retry-after", "2s"),
                Map.entry("gateway.circuit-breaker.request-volume-threshold", String.valueOf(CIRCUIT_VOLUME)),
                Map.entry("gateway.circuit-breaker.failure-ratio", "1.0"),
                Map.entry("gateway.circuit-breaker.delay", CIRCUIT_DELAY_MILLIS + "ms"),
                // Readiness asks upstream on every probe, so tests see each change at once.
                Map.entry("gateway.health.probe-interval", "0s"),
                // Traces go to the in-memory exporter of support/InMemoryTracing, not to a collector.
                Map.entry("quarkus.otel.sdk.disabled", "false"),
                Map.entry("quarkus.otel.exporter.otlp.enabled", "false"),
                Map.entry("quarkus.otel.bsp.schedule.delay", "50ms"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
