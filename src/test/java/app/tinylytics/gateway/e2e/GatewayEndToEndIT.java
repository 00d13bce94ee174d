package app.tinylytics.gateway.e2e;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import app.tinylytics.gateway.support.SimulatorUpstream;

/** {@link GatewayEndToEndTest} against the packaged jar with the demo build as its upstream ({@code ./mvnw verify}). */
@QuarkusIntegrationTest
@WithTestResource(SimulatorUpstream.class)
class GatewayEndToEndIT extends GatewayEndToEndTest {
}
