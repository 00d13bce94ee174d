package app.tinylytics.gateway.insights;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link InsightsSimulatorTest} against the packaged jar. */
@QuarkusIntegrationTest
class InsightsSimulatorIT extends InsightsSimulatorTest {
}
