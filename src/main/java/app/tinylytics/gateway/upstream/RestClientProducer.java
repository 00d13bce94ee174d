package app.tinylytics.gateway.upstream;

import java.net.URI;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

import app.tinylytics.gateway.config.TinylyticsConfig;

/**
 * Builds the one {@link TinylyticsRestClient} against {@code tinylytics.api.base-url} (dev, tests and the
 * demo build set it to the embedded simulator).
 */
public class RestClientProducer {

    @Produces
    @Singleton
    TinylyticsRestClient tinylyticsRestClient(TinylyticsConfig config) {
        URI baseUri = URI.create(config.api().baseUrl());
        Log.infof("Tinylytics upstream: %s", baseUri);
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .build(TinylyticsRestClient.class);
    }
}
