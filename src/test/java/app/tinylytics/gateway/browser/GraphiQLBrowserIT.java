package app.tinylytics.gateway.browser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.SimulatorUpstream;

/**
 * {@link GraphiQLBrowserTest} against the packaged production jar, with GraphiQL switched on as operators do it
 * and the demo build as its upstream.
 */
@QuarkusIntegrationTest
@TestProfile(GraphiQLProfile.class)
@WithTestResource(SimulatorUpstream.class)
class GraphiQLBrowserIT extends GraphiQLBrowserTest {
}
