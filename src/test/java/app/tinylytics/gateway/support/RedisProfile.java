package app.tinylytics.gateway.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** WireMock upstream plus a real Redis as the shared cache and budget backend, as replicas would run. */
public class RedisProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class), new TestResourceEntry(RedisServer.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.upstream.timeout", WireMockProfile.UPSTREAM_TIMEOUT_MILLIS + "ms");
    }
}
