package app.tinylytics.gateway.clients;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The client suite's own upstream: a WireMock server in the test JVM answering as {@link UpstreamScenarios}
 * says, handed to the packaged jar with fake server keys.
 */
public class ClientSuiteUpstream implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().templatingEnabled(true));
        server.start();
        UpstreamScenarios.stubAll(server);
        return Map.of(
                "tinylytics.api.base-url", server.baseUrl() + "/api/v1",
                // Fake keys, so plain properties (the jar's launcher prints them with its command line); handing them
                // over in a quarkus.config.locations file instead would leak that file into every later *IT's jar.
                "tinylytics.api.read-key", UpstreamScenarios.SERVER_READ_KEY,
                "tinylytics.api.write-key", UpstreamScenarios.SERVER_WRITE_KEY,
                // The suite fails upstream on purpose dozens of times; an opening circuit breaker would turn
                // every later failure into UPSTREAM_UNAVAILABLE (the breaker has its own tests).
                "gateway.circuit-breaker.request-volume-threshold", "10000",
                // Retries of the reset connection stay quick.
                "gateway.retry.delay", "50ms",
                "gateway.retry.jitter", "10ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectUpstream.class, WireMockServer.class));
    }

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectUpstream {
    }
}
