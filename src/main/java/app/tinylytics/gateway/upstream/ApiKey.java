package app.tinylytics.gateway.upstream;

/**
 * A Tinylytics API key. The secret leaves this class only as an {@code Authorization} header value; everything
 * else (logs, cache keys, budgets, {@link #toString()}) sees its identity: a keyed hash computed by
 * {@code security/KeyIdentities}, which cannot be searched for without the deployment's secret.
 */
public final class ApiKey {

    private final String secret;
    private final String identity;

    /** {@code identity} must be the key's keyed hash; see {@code security/KeyIdentities}. */
    public ApiKey(String secret, String identity) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("An API key must not be blank");
        }
        this.secret = secret;
        this.identity = identity;
    }

    /** {@code Bearer <key>}, for the upstream request only. */
    public String authorizationHeader() {
        return "Bearer " + secret;
    }

    /** The key's identity inside the gateway: partitions caches, in-flight reads and budgets. */
    public String identity() {
        return identity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + identity.substring(0, Math.min(12, identity.length())) + "…]";
    }
}
