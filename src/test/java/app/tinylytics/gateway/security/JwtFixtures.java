package app.tinylytics.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** JWTs signed by the committed test key pair (src/test/resources/jwt/), and the settings that trust it. */
public final class JwtFixtures {

    public static final String ISSUER = "https://frontends.tinylytics.test";
    public static final String AUDIENCE = "tinylytics-gateway";
    public static final String WRITER = "tinylytics-writer";
    public static final Map<String, String> SETTINGS = Map.of(
            "gateway.security.jwt.public-key-location", "classpath:jwt/test-public-key.pem",
            "gateway.security.jwt.issuer", ISSUER,
            "gateway.security.jwt.audience", AUDIENCE);

    private JwtFixtures() {
    }

    /** A valid token for {@code subject} with these groups. */
    public static String token(String subject, Set<String> groups) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(groups).expiresIn(300).sign(testKey());
    }

    public static PrivateKey testKey() {
        try (InputStream in = JwtFixtures.class.getClassLoader().getResourceAsStream("jwt/test-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
