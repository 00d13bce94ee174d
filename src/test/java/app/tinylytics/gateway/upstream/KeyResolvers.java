package app.tinylytics.gateway.upstream;

import java.util.Optional;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import app.tinylytics.gateway.config.TinylyticsConfig;

/**
 * The real {@link KeyResolver} built with server keys of the test's choosing, for tests that need a
 * gateway without a server key without booting another test profile.
 */
public final class KeyResolvers {

    private KeyResolvers() {
    }

    /** A resolver that only knows keys forwarded by the caller, as a gateway deployed without server keys. */
    public static KeyResolver withoutServerKeys(CurrentVertxRequest currentRequest) {
        return new KeyResolver(currentRequest, config(Optional.empty(), Optional.empty()));
    }

    static TinylyticsConfig config(Optional<String> readKey, Optional<String> writeKey) {
        TinylyticsConfig.Api api = new TinylyticsConfig.Api() {
            @Override
            public String baseUrl() {
                return TinylyticsConfig.PUBLIC_BASE_URL;
            }

            @Override
            public Optional<String> readKey() {
                return readKey;
            }

            @Override
            public Optional<String> writeKey() {
                return writeKey;
            }
        };
        return new TinylyticsConfig() {
            @Override
            public Api api() {
                return api;
            }

            @Override
            public Simulator simulator() {
                return () -> false;
            }
        };
    }
}
