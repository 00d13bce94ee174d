package app.tinylytics.gateway.security.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every Tinylytics key and bearer token the suite sends (fake ones), remembered so that the last attack can search the
 * gateways' metrics and logs for each of them and for every form of them a leak could take: the key itself, its plain
 * SHA-256 and its HMAC under the deployments' identity secret, whole or as a 12-character prefix.
 */
final class SuiteKeys {

    /** The gateways' own keys. */
    static final String SERVER_READ = "tly-ro-hostile-server-read-key";
    static final String SERVER_WRITE = "tly-fa-hostile-server-write-key";
    /** Two callers' own keys, each known upstream with its own data. */
    static final String ALICE = "tly-ro-hostile-alice-key-0001";
    static final String BOB = "tly-ro-hostile-bob-key-0002";
    /** A full-access key of a third caller. */
    static final String CAROL_FULL = "tly-fa-hostile-carol-key-0003";
    /** A fourth caller's own key, whose account has {@link #DAVE_SITES} sites. */
    static final String DAVE_MANY_SITES = "tly-ro-hostile-dave-key-0004";
    static final int DAVE_SITES = 80;
    /** Alice's key with its last character changed: a guess, unknown upstream. */
    static final String ALICE_OFF_BY_ONE = "tly-ro-hostile-alice-key-0009";

    /** Owner names upstream gives each known key's data; the suite looks for them in answers. */
    static final Map<String, String> OWNERS = Map.of(
            SERVER_READ, "server",
            SERVER_WRITE, "server-writer",
            ALICE, "alice",
            BOB, "bob",
            CAROL_FULL, "carol",
            DAVE_MANY_SITES, "dave");

    /** The key-identity secret every deployment of the suite shares (GATEWAY_SECURITY_KEY_IDENTITY_SECRET). */
    static final String IDENTITY_SECRET = "hostile-suite-" + HexFormat.of().formatHex(randomBytes(16));

    private static final Set<String> SENT = Collections.synchronizedSet(new LinkedHashSet<>(
            List.of(SERVER_READ, SERVER_WRITE, ALICE, BOB, CAROL_FULL, DAVE_MANY_SITES, ALICE_OFF_BY_ONE)));
    private static final Set<String> TOKENS = Collections.synchronizedSet(new LinkedHashSet<>());

    private SuiteKeys() {
    }

    /** A fresh, well-formed key nobody has: upstream answers it with 401. */
    static String random() {
        String key = "tly-ro-" + HexFormat.of().formatHex(randomBytes(12));
        SENT.add(key);
        return key;
    }

    /**
     * A well-formed key nobody has whose identity looks like {@code key}'s: its plain SHA-256 ({@code hmac} false) or
     * its HMAC under the deployments' secret ({@code hmac} true) starts with the same {@code bits} bits. A gateway that
     * told keys apart by a prefix of either would mistake it for {@code key}.
     */
    static String collidingWith(String key, boolean hmac, int bits) {
        byte[] target = hmac ? hmac(key) : sha256(key);
        for (long attempt = 0; attempt < 1L << (bits + 6); attempt++) {
            String candidate = "tly-ro-hostile-collide-" + (hmac ? "h" : "s") + Long.toHexString(attempt);
            if (samePrefix(target, hmac ? hmac(candidate) : sha256(candidate), bits)) {
                SENT.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("No key found sharing " + bits + " bits with the target");
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Remembers a bearer token (a JWT) the suite sent, to look for it in logs. */
    static String token(String token) {
        TOKENS.add(token);
        return token;
    }

    /** Every key sent so far. */
    static List<String> keys() {
        synchronized (SENT) {
            return new ArrayList<>(SENT);
        }
    }

    /** Every JWT sent so far. */
    static List<String> tokens() {
        synchronized (TOKENS) {
            return new ArrayList<>(TOKENS);
        }
    }

    /** What a leak of {@code key} could look like, besides the key itself: its hashes, whole and truncated. */
    static List<String> derivedForms(String key) {
        String sha256 = HexFormat.of().formatHex(sha256(key));
        String hmac = HexFormat.of().formatHex(hmac(key));
        return List.of(sha256, sha256.substring(0, 12), hmac, hmac.substring(0, 12));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(IDENTITY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
