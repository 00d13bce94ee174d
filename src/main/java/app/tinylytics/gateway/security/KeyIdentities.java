package app.tinylytics.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.ApiKey;

/**
 * Gives every API key its identity inside the gateway: the full HMAC-SHA-256 of the key under the deployment's
 * secret. A plain or truncated hash could be published (a metric, a log line) and searched for; without the secret
 * an identity says nothing about its key, and two keys cannot be made to share one.
 */
@ApplicationScoped
public class KeyIdentities {

    private static final String ALGORITHM = "HmacSHA256";
    /** Keys seen recently, so the HMAC is computed once per key rather than once per request. */
    private static final int REMEMBERED_KEYS = 1024;

    private final SecretKeySpec secret;
    private final Cache<String, ApiKey> known = Caffeine.newBuilder().maximumSize(REMEMBERED_KEYS).build();

    KeyIdentities(GatewayConfig config) {
        this.secret = new SecretKeySpec(config.security().keyIdentitySecret()
                .filter(configured -> !configured.isBlank())
                .map(configured -> configured.getBytes(StandardCharsets.UTF_8))
                .orElseGet(KeyIdentities::generated), ALGORITHM);
    }

    /** The key with its identity. */
    public ApiKey of(String key) {
        String stripped = key.strip();
        return known.get(stripped, k -> new ApiKey(k, identityOf(k)));
    }

    private String identityOf(String key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is always available", e);
        }
    }

    private static byte[] generated() {
        Log.info("No GATEWAY_SECURITY_KEY_IDENTITY_SECRET set: key identities use a secret generated for this process"
                + " (replicas sharing Redis must share one secret)");
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
