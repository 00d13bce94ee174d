package app.tinylytics.gateway.transport;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import app.tinylytics.gateway.support.SimulatorUpstream;

/** {@link WebSocketProtocolTest} against the packaged jar, with the demo build as its upstream. */
@QuarkusIntegrationTest
@WithTestResource(SimulatorUpstream.class)
class WebSocketProtocolIT extends WebSocketProtocolTest {
}
