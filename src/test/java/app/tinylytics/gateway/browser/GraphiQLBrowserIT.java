package app.tinylytics.gateway.browser;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** {@link GraphiQLBrowserTest} against the packaged jar, with GraphiQL switched on as operators do it. */
@QuarkusIntegrationTest
@TestProfile(GraphiQLProfile.class)
class GraphiQLBrowserIT extends GraphiQLBrowserTest {
}
