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

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.upstream.timeout", UPSTREAM_TIMEOUT_MILLIS + "ms",
                // Readiness asks upstream on every probe, so tests see each change at once.
                "gateway.health.probe-interval", "0s",
                // Traces go to the in-memory exporter of support/InMemoryTracing, not to a collector.
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.bsp.schedule.delay", "50ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
