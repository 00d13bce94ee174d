package app.tinylytics.gateway.security;

import java.util.HashMap;
import java.util.Map;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.support.TestConfig;

/** The real security beans built from properties of a test's choosing, without booting the application. */
public final class SecurityFixtures {

    static final String SECRET = "test-key-identity-secret";

    private SecurityFixtures() {
    }

    /** The server keys of a deployment configured with these keys (null: not configured). */
    public static ServerKeys serverKeys(String readKey, String writeKey) {
        Map<String, String> keys = new HashMap<>();
        if (readKey != null) {
            keys.put("tinylytics.api.read-key", readKey);
        }
        if (writeKey != null) {
            keys.put("tinylytics.api.write-key", writeKey);
        }
        return new ServerKeys(TestConfig.tinylytics(keys), identities(SECRET));
    }

    static KeyIdentities identities(String secret) {
        return new KeyIdentities(TestConfig.gateway(Map.of("gateway.security.key-identity-secret", secret)));
    }

    static AccessPolicy policy(Map<String, String> security) {
        return new AccessPolicy(gateway(security));
    }

    static CallerResolver resolver(ServerKeys serverKeys, Map<String, String> security) {
        return new CallerResolver(identities(SECRET), serverKeys, policy(security));
    }

    static GatewayConfig gateway(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("gateway.security.key-identity-secret", SECRET);
        return TestConfig.gateway(all);
    }
}
