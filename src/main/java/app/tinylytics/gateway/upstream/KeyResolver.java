package app.tinylytics.gateway.upstream;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import app.tinylytics.gateway.config.TinylyticsConfig;
import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;
import app.tinylytics.gateway.security.ServerKeyAccess;

/**
 * Chooses the upstream key for the current GraphQL request: the caller's own
 * {@code Authorization: Bearer tly-...} when sent, otherwise the server's read or write key, if
 * {@link ServerKeyAccess} lets this caller use it (any other bearer is taken for the frontend's JWT).
 */
@ApplicationScoped
public class KeyResolver {

    private static final String BEARER = "Bearer ";

    private final CurrentVertxRequest currentRequest;
    private final Optional<ApiKey> serverReadKey;
    private final Optional<ApiKey> serverWriteKey;
    private final ServerKeyAccess access;

    KeyResolver(CurrentVertxRequest currentRequest, TinylyticsConfig config, ServerKeyAccess access) {
        this.access = access;
        this.currentRequest = currentRequest;
        this.serverReadKey = config.api().readKey().filter(k -> !k.isBlank()).map(ApiKey::of);
        this.serverWriteKey = config.api().writeKey().filter(k -> !k.isBlank()).map(ApiKey::of);
    }

    /** The key for a query; {@code UNAUTHENTICATED} when neither the caller nor the server has one. */
    public ApiKey readKey() {
        Optional<ApiKey> forwarded = forwardedKey();
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        ApiKey serverKey = serverReadKey.orElseThrow(() -> new UnauthenticatedException(
                "No Tinylytics API key: send 'Authorization: Bearer tly-...' or configure TINYLYTICS_API_READ_KEY."));
        access.checkServerReadKey(bearerToken());
        return serverKey;
    }

    /**
     * The key for a mutation; {@code FORBIDDEN} without any upstream call when there is none, or when the
     * server's key may not be used for this caller ({@link ServerKeyAccess}).
     */
    public ApiKey writeKey() {
        Optional<ApiKey> forwarded = forwardedKey();
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        ApiKey serverKey = serverWriteKey.orElseThrow(() -> new ForbiddenException(
                "Mutations need a full-access key: send 'Authorization: Bearer tly-fa-...' or configure TINYLYTICS_API_WRITE_KEY."));
        access.checkServerWriteKey(bearerToken());
        return serverKey;
    }

    /** True when the current request forwards its own Tinylytics key. */
    public boolean isForwarded() {
        return forwardedKey().isPresent();
    }

    private Optional<ApiKey> forwardedKey() {
        return bearer().filter(ApiKey::looksLikeTinylyticsKey).map(ApiKey::of);
    }

    /** A bearer token that is not a Tinylytics key: a frontend's JWT, for {@link ServerKeyAccess}. */
    private Optional<String> bearerToken() {
        return bearer().filter(token -> !ApiKey.looksLikeTinylyticsKey(token));
    }

    private Optional<String> bearer() {
        RoutingContext context = currentRequest.getCurrent();
        if (context == null) {
            return Optional.empty();
        }
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
