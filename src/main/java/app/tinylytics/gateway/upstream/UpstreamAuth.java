package app.tinylytics.gateway.upstream;

/**
 * With which key a request goes upstream and on whose behalf: a caller's own forwarded key, or one of the
 * gateway's server keys used for a caller who holds a share of that key's hourly budget.
 */
public final class UpstreamAuth {

    /** Whose key it is: the caller's own, or the gateway's read or write key. */
    public enum Role {
        FORWARDED,
        SERVER_READ,
        SERVER_WRITE
    }

    private final ApiKey key;
    private final Role role;
    private final String shareHolder;

    private UpstreamAuth(ApiKey key, Role role, String shareHolder) {
        this.key = key;
        this.role = role;
        this.shareHolder = shareHolder;
    }

    /** The caller's own key: the whole budget of that key is theirs. */
    public static UpstreamAuth forwarded(ApiKey key) {
        return new UpstreamAuth(key, Role.FORWARDED, null);
    }

    /** A server key used for {@code shareHolder} (a JWT subject or a client address), who may spend only a share of it. */
    public static UpstreamAuth server(ApiKey key, Role role, String shareHolder) {
        return new UpstreamAuth(key, role, shareHolder);
    }

    public ApiKey key() {
        return key;
    }

    public Role role() {
        return role;
    }

    public boolean isServerKey() {
        return role != Role.FORWARDED;
    }

    /** Who spends the server key's budget; null for a forwarded key. */
    public String shareHolder() {
        return shareHolder;
    }

    @Override
    public String toString() {
        return "UpstreamAuth[" + role + ", " + key + "]";
    }
}
