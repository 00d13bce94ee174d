package app.tinylytics.gateway.content;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ContentSimulatorTest} against the packaged jar. */
@QuarkusIntegrationTest
class ContentSimulatorIT extends ContentSimulatorTest {
}
