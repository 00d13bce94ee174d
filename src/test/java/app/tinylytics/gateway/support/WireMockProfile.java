package app.tinylytics.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one test profile for WireMock-backed tests: every such test class shares it, so the app boots
 * once for all of them.
 */
public class WireMockProfile implements QuarkusTestProfile {

    /** A short upstream timeout keeps timeout tests quick. */
    public static final int UPSTREAM_TIMEOUT_MILLIS = 1500;
    /** Consecutive failed attempts that open the circuit breaker. */
    public static final int CIRCUIT_VOLUME = 6;
    /** How long the circuit stays open before a probe. */
    public static final int CIRCUIT_DELAY_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.upstream.timeout", UPSTREAM_TIMEOUT_MILLIS + "ms",
                // Quick retries, a short Retry-After ceiling and a small, quickly recovering circuit breaker,
                // so fault tests run in seconds (the breaker's delay is real time).
                "gateway.retry.delay", "50ms",
                "gateway.retry.jitter", "20ms",
                "gateway.retry.max-retry-after", "2s",
                "gateway.circuit-breaker.request-volume-threshold", String.valueOf(CIRCUIT_VOLUME),
                "gateway.circuit-breaker.failure-ratio", "1.0",
                "gateway.circuit-breaker.delay", CIRCUIT_DELAY_MILLIS + "ms",
                // Readiness asks upstream on every probe, so tests see each change at once.
                "gateway.health.probe-interval", "0s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
