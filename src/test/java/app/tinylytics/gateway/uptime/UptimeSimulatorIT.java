package app.tinylytics.gateway.uptime;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link UptimeSimulatorTest} against the packaged jar. */
@QuarkusIntegrationTest
class UptimeSimulatorIT extends UptimeSimulatorTest {
}
