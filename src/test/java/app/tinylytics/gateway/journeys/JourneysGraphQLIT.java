package app.tinylytics.gateway.journeys;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link JourneysGraphQLTest} against the packaged jar. */
@QuarkusIntegrationTest
class JourneysGraphQLIT extends JourneysGraphQLTest {
}
