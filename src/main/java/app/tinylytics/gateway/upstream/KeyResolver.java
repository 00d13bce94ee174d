package app.tinylytics.gateway.upstream;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import app.tinylytics.gateway.config.TinylyticsConfig;
import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;
import app.tinylytics.gateway.security.WriteAccess;

/**
 * Chooses the upstream key for the current GraphQL request: the caller's own
 * {@code Authorization: Bearer tly-...} when sent, otherwise the server's read or write key.
 */
@ApplicationScoped
public class KeyResolver {

    private static final String BEARER = "Bearer ";

    private final CurrentVertxRequest currentRequest;
    private final Optional<ApiKey> serverReadKey;
    private final Optional<ApiKey> serverWriteKey;
    private final WriteAccess writeAccess;

    KeyResolver(CurrentVertxRequest currentRequest, TinylyticsConfig config, WriteAccess writeAccess) {
        this.writeAccess = writeAccess;
        this.currentRequest = currentRequest;
        this.serverReadKey = config.api().readKey().filter(k -> !k.isBlank()).map(ApiKey::of);
        this.serverWriteKey = config.api().writeKey().filter(k -> !k.isBlank()).map(ApiKey::of);
    }

    /** The key for a query; {@code UNAUTHENTICATED} when neither the caller nor the server has one. */
    public ApiKey readKey() {
        return forwardedKey().or(() -> serverReadKey).orElseThrow(() -> new UnauthenticatedException(
                "No Tinylytics API key: send 'Authorization: Bearer tly-...' or configure TINYLYTICS_API_READ_KEY."));
    }

    /**
     * The key for a mutation; {@code FORBIDDEN} without any upstream call when there is none, or when the
     * server's key may not be used for this caller ({@link WriteAccess}).
     */
    public ApiKey writeKey() {
        Optional<ApiKey> forwarded = forwardedKey();
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        ApiKey serverKey = serverWriteKey.orElseThrow(() -> new ForbiddenException(
                "Mutations need a full-access key: send 'Authorization: Bearer tly-fa-...' or configure TINYLYTICS_API_WRITE_KEY."));
        writeAccess.checkServerWriteKey();
        return serverKey;
    }

    /** True when the current request forwards its own Tinylytics key. */
    public boolean isForwarded() {
        return forwardedKey().isPresent();
    }

    private Optional<ApiKey> forwardedKey() {
        RoutingContext context = currentRequest.getCurrent();
        if (context == null) {
            return Optional.empty();
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return ApiKey.looksLikeTinylyticsKey(token) ? Optional.of(ApiKey.of(token)) : Optional.empty();
    }
}
