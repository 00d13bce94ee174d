package app.tinylytics.gateway.hits;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HitsGraphQLTest} against the packaged jar. */
@QuarkusIntegrationTest
class HitsGraphQLIT extends HitsGraphQLTest {
}
