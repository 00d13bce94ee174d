package app.tinylytics.gateway.e2e;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GatewayEndToEndTest} against the packaged jar, run by {@code ./mvnw verify}. */
@QuarkusIntegrationTest
class GatewayEndToEndIT extends GatewayEndToEndTest {
}
