package app.tinylytics.gateway.transport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Live updates in seconds instead of minutes, to watch a subscription's payloads change in a test: siteUpdates may
 * refresh every second (the contract's floor is 30) and a site read stays fresh one second (5 minutes by default).
 */
public class LiveUpdatesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.live.min-every-seconds", "1",
                "gateway.cache.ttl.account", "1s");
    }
}
