package app.tinylytics.gateway.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;

/**
 * Who may make the gateway use its own keys (callers forwarding their own {@code tly-} key are not asked). With
 * JWT configured ({@code GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION}), the server keys need a valid JWT and the
 * write key also the write role. Without JWT, reads are open and the write key is refused unless
 * {@code GATEWAY_WRITES_OPEN=true} (dev and tests open it): a gateway anyone can reach must not write with it.
 */
@ApplicationScoped
public class ServerKeyAccess {

    private final boolean writesOpen;
    private final String writeRole;
    private final Optional<JWTParser> jwt;

    @Inject
    ServerKeyAccess(GatewayConfig config) {
        this(config.security().writesOpen(), config.security().writeRole(), config.security().jwt().publicKeyLocation()
                .map(location -> new DefaultJWTParser(new JWTAuthContextInfo(location,
                        config.security().jwt().issuer().orElse(null)))));
    }

    private ServerKeyAccess(boolean writesOpen, String writeRole, Optional<JWTParser> jwt) {
        this.writesOpen = writesOpen;
        this.writeRole = writeRole;
        this.jwt = jwt;
    }

    /** Without JWT, for tests that build a {@code KeyResolver} by hand. */
    public static ServerKeyAccess of(boolean writesOpen) {
        return new ServerKeyAccess(writesOpen, "tinylytics-writer", Optional.empty());
    }

    /** With JWT verified against {@code publicKeyLocation} (e.g. {@code classpath:jwt/key.pem}). */
    public static ServerKeyAccess withJwt(String publicKeyLocation, String issuer, String writeRole) {
        return new ServerKeyAccess(false, writeRole,
                Optional.of(new DefaultJWTParser(new JWTAuthContextInfo(publicKeyLocation, issuer))));
    }

    /** {@code UNAUTHENTICATED} when JWT is configured and {@code bearer} is not a valid JWT. */
    public void checkServerReadKey(Optional<String> bearer) {
        if (jwt.isPresent()) {
            verified(bearer);
        }
    }

    /** {@code UNAUTHENTICATED} or {@code FORBIDDEN}, before any upstream call, when the server write key may not be used. */
    public void checkServerWriteKey(Optional<String> bearer) {
        if (jwt.isPresent()) {
            JsonWebToken token = verified(bearer);
            if (!token.getGroups().contains(writeRole)) {
                throw new ForbiddenException("Mutations with the gateway's write key need the '" + writeRole
                        + "' role in the JWT's groups; forward your own key as 'Authorization: Bearer tly-fa-...' otherwise.");
            }
            return;
        }
        if (!writesOpen) {
            throw new ForbiddenException("Mutations with the gateway's own write key are switched off on this gateway:"
                    + " forward your own key as 'Authorization: Bearer tly-fa-...', or have the operator set GATEWAY_WRITES_OPEN=true.");
        }
    }

    private JsonWebToken verified(Optional<String> bearer) {
        if (bearer.isEmpty()) {
            throw new UnauthenticatedException("This gateway requires 'Authorization: Bearer <JWT>' to use its own keys"
                    + " (or forward your own 'Bearer tly-...' key).");
        }
        try {
            return jwt.orElseThrow().parse(bearer.get());
        } catch (ParseException invalid) {
            // The reason only: never the token.
            throw new UnauthenticatedException("The bearer JWT was rejected (invalid signature, issuer or expiry).");
        }
    }
}
