package app.tinylytics.gateway.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The one test profile for WireMock-backed tests: every such test class shares it, so the app boots
 * once for all of them.
 */
public class WireMockProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockUpstream.class));
    }
}
