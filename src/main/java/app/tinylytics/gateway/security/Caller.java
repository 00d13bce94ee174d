package app.tinylytics.gateway.security;

import java.util.Optional;

import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.GatewayException;
import app.tinylytics.gateway.error.UnauthenticatedException;
import app.tinylytics.gateway.upstream.ApiKey;
import app.tinylytics.gateway.upstream.UpstreamAuth;

/**
 * Who is asking, resolved once per request by {@link CallerResolver}: the Tinylytics key they forward, or the JWT
 * identity they proved, or neither; where they connect from; or why their credentials were refused. Resolvers ask it
 * for the upstream key to use.
 */
public final class Caller {

    private final Optional<ApiKey> forwarded;
    private final Optional<AccessPolicy.Identity> identity;
    private final GatewayException refusal;
    private final String address;
    private final ServerKeys serverKeys;
    private final AccessPolicy policy;

    Caller(Optional<ApiKey> forwarded, Optional<AccessPolicy.Identity> identity, GatewayException refusal, String address,
            ServerKeys serverKeys, AccessPolicy policy) {
        this.forwarded = forwarded;
        this.identity = identity;
        this.refusal = refusal;
        this.address = address;
        this.serverKeys = serverKeys;
        this.policy = policy;
    }

    /** The key for queries: the caller's own, else the server read key if the access policy lets this caller use it. */
    public UpstreamAuth reads() {
        checkCredentials();
        if (forwarded.isPresent()) {
            return UpstreamAuth.forwarded(forwarded.get());
        }
        ApiKey key = serverKeys.read().orElseThrow(() -> new UnauthenticatedException(
                "No Tinylytics API key: send 'Authorization: Bearer tly-…' or configure TINYLYTICS_API_READ_KEY."));
        policy.checkServerReads(identity);
        return UpstreamAuth.server(key, UpstreamAuth.Role.SERVER_READ, shareHolder());
    }

    /** The key for mutations: the caller's own, else the server write key if the access policy allows it. */
    public UpstreamAuth writes() {
        checkCredentials();
        if (forwarded.isPresent()) {
            return UpstreamAuth.forwarded(forwarded.get());
        }
        ApiKey key = serverKeys.write().orElseThrow(() -> new ForbiddenException(
                "Mutations need a full-access key: send 'Authorization: Bearer tly-fa-…' or configure TINYLYTICS_API_WRITE_KEY."));
        policy.checkServerWrites(identity);
        return UpstreamAuth.server(key, UpstreamAuth.Role.SERVER_WRITE, shareHolder());
    }

    /** Why this caller's credentials were refused; empty when they were accepted or none were sent. */
    public Optional<GatewayException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whose share of a server key this caller spends: the JWT subject, else the client address. */
    public String shareHolder() {
        return identity.map(id -> "sub:" + id.subject()).orElse("addr:" + address);
    }

    private void checkCredentials() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
