package app.tinylytics.gateway.upstream;

import java.net.URI;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

import app.tinylytics.gateway.config.TinylyticsConfig;

/**
 * Builds the one {@link TinylyticsRestClient}. The base URL is decided here because it depends on
 * two settings: with the simulator enabled and no explicit base URL, the gateway calls its own
 * embedded simulator, which makes the packaged jar a self-contained demo.
 */
public class RestClientProducer {

    @Produces
    @Singleton
    TinylyticsRestClient tinylyticsRestClient(TinylyticsConfig config,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        URI baseUri = URI.create(baseUrl(config, httpPort));
        Log.infof("Tinylytics upstream: %s", baseUri);
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .build(TinylyticsRestClient.class);
    }

    static String baseUrl(TinylyticsConfig config, int httpPort) {
        String configured = config.api().baseUrl();
        if (config.simulator().enabled() && TinylyticsConfig.PUBLIC_BASE_URL.equals(configured)) {
            return "http://localhost:" + httpPort + "/simulator/api/v1";
        }
        return configured;
    }
}
