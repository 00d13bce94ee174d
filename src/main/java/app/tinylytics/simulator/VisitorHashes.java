package app.tinylytics.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Derives the short, non-reversible visitor hashes: {@code visitor_hash} identifies a visitor on a site
 * (journeys), {@code unique_hash} a visitor on a site on one UTC day (unique views), like Tinylytics'
 * privacy-friendly daily uniques.
 */
public final class VisitorHashes {

    private VisitorHashes() {
    }

    /** The identity a visitor is hashed by: the explicit visitor id, else IP plus user agent. */
    public static String identity(String visitorId, String ip, String userAgent) {
        if (visitorId != null && !visitorId.isBlank()) {
            return "id:" + visitorId;
        }
        return "ipua:" + (ip == null ? "" : ip) + "|" + (userAgent == null ? "" : userAgent);
    }

    public static String visitorHash(long siteId, String identity) {
        return shortHash("v|" + siteId + "|" + identity);
    }

    public static String uniqueHash(long siteId, String identity, LocalDate utcDay) {
        return shortHash("u|" + siteId + "|" + identity + "|" + utcDay);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
