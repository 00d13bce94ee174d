package app.tinylytics.gateway.upstream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Tinylytics API key. The secret leaves this class only as an {@code Authorization} header value;
 * everything else (logs, cache keys, metrics, {@link #toString()}) sees its short SHA-256 fingerprint.
 */
public final class ApiKey {

    private static final int FINGERPRINT_HEX_CHARS = 12;

    private final String secret;
    private final String fingerprint;

    private ApiKey(String secret) {
        this.secret = secret;
        this.fingerprint = fingerprintOf(secret);
    }

    public static ApiKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("An API key must not be blank");
        }
        return new ApiKey(secret.strip());
    }

    /** True for a string shaped like a Tinylytics key ({@code tly-...}) rather than, say, a JWT. */
    public static boolean looksLikeTinylyticsKey(String token) {
        return token != null && token.startsWith("tly-");
    }

    /** {@code Bearer <key>}, for the upstream request only. */
    public String authorizationHeader() {
        return "Bearer " + secret;
    }

    /** The first 12 hex characters of the key's SHA-256: stable, short and not reversible. */
    public String fingerprint() {
        return fingerprint;
    }

    /** True for a read-only key ({@code tly-ro-...}). */
    public boolean isReadOnly() {
        return secret.startsWith("tly-ro-");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + fingerprint + "]";
    }

    private static String fingerprintOf(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
