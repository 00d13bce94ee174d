package app.tinylytics.gateway.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;

/**
 * The deployment's rule for the server keys: they serve a caller only under a declared access mode, either JWT
 * (issuer and audience required) or open reads for a closed network; writes with the server key need the writer
 * role or the explicit open-writes switch. Verifies JWTs with the smallrye-jwt parser itself rather than through the
 * Quarkus smallrye-jwt extension, whose HTTP authentication mechanism would reject a forwarded {@code Bearer tly-…}
 * key as a malformed JWT (401) before GraphQL ever saw it.
 */
@ApplicationScoped
public class AccessPolicy {

    private static final String SETTINGS = "GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION (with _ISSUER and _AUDIENCE)"
            + " or GATEWAY_SECURITY_OPEN_READS=true";

    private final Optional<JWTParser> jwt;
    private final boolean openReads;
    private final boolean openWrites;
    private final String writeRole;
    private final String description;

    AccessPolicy(GatewayConfig config) {
        GatewayConfig.Security security = config.security();
        this.jwt = security.jwt().publicKeyLocation().filter(location -> !location.isBlank()).map(location -> parser(location,
                required(security.jwt().issuer(), "GATEWAY_SECURITY_JWT_ISSUER"),
                required(security.jwt().audience(), "GATEWAY_SECURITY_JWT_AUDIENCE")));
        this.openReads = security.openReads();
        this.openWrites = security.openWrites();
        this.writeRole = security.writeRole();
        this.description = jwt.isPresent()
                ? "server keys serve callers with a valid JWT (issuer " + security.jwt().issuer().orElseThrow()
                        + ", audience " + security.jwt().audience().orElseThrow() + "); writes need the role '" + writeRole + "'"
                : openReads ? "server keys serve every caller (GATEWAY_SECURITY_OPEN_READS=true: a closed network)"
                        + (openWrites ? ", writes included (GATEWAY_SECURITY_OPEN_WRITES=true)" : "; writes are closed")
                : "server keys are closed: no access mode is configured, so only callers forwarding their own"
                        + " 'Bearer tly-…' key are served; set " + SETTINGS;
    }

    void announce(@Observes StartupEvent started) {
        Log.infof("Access: %s", description);
    }

    /** True when frontends authenticate with JWTs. */
    public boolean acceptsJwt() {
        return jwt.isPresent();
    }

    /**
     * The token's verified identity; {@code UNAUTHENTICATED} when it is not a valid JWT for this deployment. The subject
     * is required: it is who spends a share of the server key's budget, and smallrye-jwt accepts a token named only by
     * {@code upn} or {@code preferred_username}, whose callers would otherwise all share one nameless share.
     */
    public Identity verify(String token) {
        JsonWebToken verified;
        try {
            verified = jwt.orElseThrow().parse(token);
        } catch (ParseException invalid) {
            // The reason only: never the token.
            throw new UnauthenticatedException("The bearer JWT was rejected (signature, issuer, audience or expiry).");
        }
        String subject = verified.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthenticatedException("The bearer JWT was rejected: it names no subject ('sub').");
        }
        return new Identity(subject, verified.getGroups());
    }

    /** {@code UNAUTHENTICATED} unless the server read key may serve a caller with this identity (if any). */
    public void checkServerReads(Optional<Identity> identity) {
        if (jwt.isPresent()) {
            if (identity.isEmpty()) {
                throw new UnauthenticatedException("This gateway requires 'Authorization: Bearer <JWT>' to use its own keys"
                        + " (or forward your own 'Bearer tly-…' key).");
            }
            return;
        }
        if (!openReads) {
            throw new UnauthenticatedException("This gateway's own keys are closed: forward your own 'Bearer tly-…' key,"
                    + " or have the operator set " + SETTINGS + ".");
        }
    }

    /** {@code UNAUTHENTICATED} or {@code FORBIDDEN} unless the server write key may serve this caller. */
    public void checkServerWrites(Optional<Identity> identity) {
        if (jwt.isPresent()) {
            checkServerReads(identity);
            if (!identity.orElseThrow().groups().contains(writeRole)) {
                throw new ForbiddenException("Mutations with the gateway's write key need the '" + writeRole
                        + "' role in the JWT's groups; forward your own key as 'Authorization: Bearer tly-fa-…' otherwise.");
            }
            return;
        }
        if (!openWrites) {
            throw new ForbiddenException("Mutations with the gateway's own write key are switched off on this gateway:"
                    + " forward your own key as 'Authorization: Bearer tly-fa-…', or have the operator configure JWT"
                    + " with a writer role or set GATEWAY_SECURITY_OPEN_WRITES=true.");
        }
    }

    /** A verified JWT's subject and groups. */
    public record Identity(String subject, Set<String> groups) {
    }

    private static JWTParser parser(String location, String issuer, String audience) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(location, issuer);
        context.setExpectedAudience(Set.of(audience));
        return new DefaultJWTParser(context);
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "JWT verification is configured (GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION) but " + name + " is not set:"
                        + " tokens must be checked for their issuer and audience."));
    }
}
