package app.tinylytics.gateway.kudos;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link KudosGraphQLTest} against the packaged jar. */
@QuarkusIntegrationTest
class KudosGraphQLIT extends KudosGraphQLTest {
}
