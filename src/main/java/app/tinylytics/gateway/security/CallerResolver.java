package app.tinylytics.gateway.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import app.tinylytics.gateway.error.GatewayException;
import app.tinylytics.gateway.error.UnauthenticatedException;

/**
 * Turns a request's {@code Authorization} header into a {@link Caller}, strictly: absent means anonymous; present, it
 * must be exactly one well-formed {@code Bearer} credential, either a Tinylytics key ({@code tly-…}, forwarded
 * upstream) or, where the deployment uses JWT, a valid token. Anything else is refused ({@code UNAUTHENTICATED}) and
 * never falls back to the server keys.
 */
@ApplicationScoped
public class CallerResolver {

    /** RFC 6750: the scheme, one or more spaces, a b64token; nothing else (no tab, no second credential). */
    private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)");
    /** A Tinylytics key: {@code tly-}, a two-letter access type, and the key's own characters. */
    private static final Pattern TINYLYTICS_KEY = Pattern.compile("tly-[a-z]{2}-[A-Za-z0-9_\\-]{1,256}");
    private static final String FORMS = "send 'Authorization: Bearer tly-…' (your Tinylytics key)";

    private final KeyIdentities identities;
    private final ServerKeys serverKeys;
    private final AccessPolicy policy;

    CallerResolver(KeyIdentities identities, ServerKeys serverKeys, AccessPolicy policy) {
        this.identities = identities;
        this.serverKeys = serverKeys;
        this.policy = policy;
    }

    /** The caller behind these {@code Authorization} header values (empty when none was sent) and client address. */
    public Caller resolve(List<String> authorization, String clientAddress) {
        if (authorization.isEmpty()) {
            return caller(Optional.empty(), Optional.empty(), null, clientAddress);
        }
        if (authorization.size() > 1) {
            return refused("Send one 'Authorization' header, not " + authorization.size() + ".", clientAddress);
        }
        Matcher bearer = BEARER.matcher(authorization.get(0).strip());
        if (!bearer.matches()) {
            return refused("The 'Authorization' header is malformed: " + FORMS + (policy.acceptsJwt() ? " or 'Bearer <JWT>'" : "")
                    + ".", clientAddress);
        }
        String token = bearer.group(1);
        if (token.startsWith("tly-")) {
            return TINYLYTICS_KEY.matcher(token).matches()
                    ? caller(Optional.of(identities.of(token)), Optional.empty(), null, clientAddress)
                    : refused("The bearer token starts with 'tly-' but is not a well-formed Tinylytics key.", clientAddress);
        }
        if (!policy.acceptsJwt()) {
            return refused("This gateway does not accept JWTs: " + FORMS + ", or send no 'Authorization' header.", clientAddress);
        }
        try {
            return caller(Optional.empty(), Optional.of(policy.verify(token)), null, clientAddress);
        } catch (UnauthenticatedException rejected) {
            return refused(rejected, clientAddress);
        }
    }

    private Caller refused(String reason, String clientAddress) {
        return refused(new UnauthenticatedException(reason), clientAddress);
    }

    private Caller refused(GatewayException refusal, String clientAddress) {
        return caller(Optional.empty(), Optional.empty(), refusal, clientAddress);
    }

    private Caller caller(Optional<app.tinylytics.gateway.upstream.ApiKey> forwarded,
            Optional<AccessPolicy.Identity> identity, GatewayException refusal, String clientAddress) {
        return new Caller(forwarded, identity, refusal, clientAddress, serverKeys, policy);
    }
}
