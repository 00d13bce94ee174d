package app.tinylytics.gateway.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the gateway names things with it: persisted documents, HTTP entity tags, Redis keys that must not hold text in clear. */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of {@code bytes}. */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The digest of {@code text}'s UTF-8 bytes in lower-case hex (64 characters), as persisted-query hashes are written. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
