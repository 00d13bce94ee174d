package app.tinylytics.gateway.upstream;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import app.tinylytics.gateway.config.TinylyticsConfig;
import app.tinylytics.gateway.security.ServerKeyAccess;

/**
 * The real {@link KeyResolver} built with server keys of the test's choosing, for tests that need a
 * gateway without a server key without booting another test profile.
 */
public final class KeyResolvers {

    private KeyResolvers() {
    }

    /** A resolver that only knows keys forwarded by the caller, as a gateway deployed without server keys. */
    public static KeyResolver withoutServerKeys(CurrentVertxRequest currentRequest) {
        return new KeyResolver(currentRequest, config(Optional.empty(), Optional.empty()), ServerKeyAccess.of(true));
    }

    /** Only the key settings are answered; a proxy, so settings added to the mapping later need no change here. */
    static TinylyticsConfig config(Optional<String> readKey, Optional<String> writeKey) {
        TinylyticsConfig.Api api = answering(TinylyticsConfig.Api.class,
                Map.of("baseUrl", TinylyticsConfig.PUBLIC_BASE_URL, "readKey", readKey, "writeKey", writeKey));
        return answering(TinylyticsConfig.class, Map.of("api", api));
    }

    private static <T> T answering(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
            }
            throw new UnsupportedOperationException("Not configured in this test: " + method.getName());
        }));
    }
}
