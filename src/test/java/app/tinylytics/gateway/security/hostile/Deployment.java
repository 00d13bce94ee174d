package app.tinylytics.gateway.security.hostile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import app.tinylytics.gateway.security.JwtFixtures;

/**
 * One packaged production gateway under attack with its own upstream, configured as an operator would configure it.
 * The suite runs three: frontends with JWT, a closed network with open reads (and a small hourly limit, so that one
 * caller can drain its share quickly), and nothing declared at all (secure by default).
 */
final class Deployment implements AutoCloseable {

    /** The hourly limit of the open-reads deployment: its 20 % caller share is then 10 upstream requests. */
    static final int OPEN_HOURLY_LIMIT = 50;
    /** The one trusted reverse proxy of the open-reads deployment, a loopback address the suite connects from. */
    static final String TRUSTED_PROXY = "127.0.0.4";

    private final PackagedGateway gateway;
    private final HostileUpstream upstream;

    private Deployment(PackagedGateway gateway, HostileUpstream upstream) {
        this.gateway = gateway;
        this.upstream = upstream;
    }

    /** Frontends authenticate with JWTs (the test key pair's public key, issuer and audience). */
    static Deployment jwt(Path logs) {
        Map<String, String> jwt = Map.of(
                "GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION", "file:" + Path.of("src/test/resources/jwt/test-public-key.pem").toAbsolutePath(),
                "GATEWAY_SECURITY_JWT_ISSUER", JwtFixtures.ISSUER,
                "GATEWAY_SECURITY_JWT_AUDIENCE", JwtFixtures.AUDIENCE);
        return start("jwt", jwt, logs);
    }

    /** A closed network: any caller may use the server read key, up to its share of a small hourly limit. */
    static Deployment openReads(Path logs) {
        return start("open-reads", Map.of(
                "GATEWAY_SECURITY_OPEN_READS", "true",
                "GATEWAY_UPSTREAM_HOURLY_LIMIT", String.valueOf(OPEN_HOURLY_LIMIT),
                "GATEWAY_SECURITY_TRUSTED_PROXIES", TRUSTED_PROXY), logs);
    }

    /** Keys configured, no access mode declared: the production defaults. */
    static Deployment closed(Path logs) {
        return start("closed", Map.of(), logs);
    }

    private static Deployment start(String name, Map<String, String> settings, Path logs) {
        HostileUpstream upstream = new HostileUpstream(SuiteKeys.OWNERS);
        try {
            Map<String, String> environment = new HashMap<>(settings);
            environment.put("TINYLYTICS_API_BASE_URL", upstream.baseUrl());
            environment.put("TINYLYTICS_API_READ_KEY", SuiteKeys.SERVER_READ);
            environment.put("TINYLYTICS_API_WRITE_KEY", SuiteKeys.SERVER_WRITE);
            environment.put("GATEWAY_SECURITY_KEY_IDENTITY_SECRET", SuiteKeys.IDENTITY_SECRET);
            // Debug lines of the gateway's own code are searched for keys too.
            environment.put("QUARKUS_LOG_CATEGORY__APP_TINYLYTICS__LEVEL", "DEBUG");
            return new Deployment(PackagedGateway.start(name, environment, logs), upstream);
        } catch (RuntimeException failed) {
            upstream.close();
            throw failed;
        }
    }

    PackagedGateway gateway() {
        return gateway;
    }

    HostileUpstream upstream() {
        return upstream;
    }

    /** A caller without credentials, from 127.0.0.1. */
    Attacker anonymous() {
        return Attacker.of(gateway);
    }

    /** A caller forwarding its own Tinylytics key. */
    Attacker forwarding(String key) {
        return anonymous().bearer(key);
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            upstream.close();
        }
    }
}
