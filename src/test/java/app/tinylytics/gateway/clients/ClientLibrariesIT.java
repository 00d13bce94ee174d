package app.tinylytics.gateway.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import app.tinylytics.gateway.clients.ClientSuiteUpstream.InjectUpstream;

/**
 * Real GraphQL client libraries from npm (Apollo Client, urql, graphql-request) and graphql-http's server audit
 * query the packaged jar: the Node suite in {@code src/test/js/clients} must pass.
 */
@QuarkusIntegrationTest
@WithTestResource(value = ClientSuiteUpstream.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ClientLibrariesIT {

    private static final Path SUITE = Path.of("src/test/js/clients");
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(5);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);

    @TestHTTPResource("/graphql")
    URL graphql;

    @InjectUpstream
    WireMockServer upstream;

    @Test
    void nodeClientSuitePassesAgainstThePackagedJar() {
        NodeTestRun suite = new NodeTestRun(SUITE);
        NodeTestRun.Outcome install = suite.installIfNeeded(INSTALL_LIMIT);
        assertTrue(install.passed(), () -> "npm ci failed in " + SUITE + ":\n" + install.output());

        NodeTestRun.Outcome run = suite.test(Map.of(
                "GATEWAY_URL", graphql.toString(),
                "UPSTREAM_URL", upstream.baseUrl(),
                "SERVER_WRITE_KEY", UpstreamScenarios.SERVER_WRITE_KEY), RUN_LIMIT);

        assertTrue(run.passed(), () -> (run.timedOut() ? "node --test ran over " + RUN_LIMIT.toSeconds() + " s"
                : "node --test exited with " + run.exitCode())
                + " in " + SUITE + " (its whole output is in the log above):\n" + run.failures());
    }
}
