package app.tinylytics.gateway.signals;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SignalsSimulatorTest} against the packaged jar. */
@QuarkusIntegrationTest
class SignalsSimulatorIT extends SignalsSimulatorTest {
}
