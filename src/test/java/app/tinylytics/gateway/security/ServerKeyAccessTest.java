package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;

/** The server keys' access rule, with JWTs signed by the committed test key pair (src/test/resources/jwt/). */
class ServerKeyAccessTest {

    private static final String ISSUER = "https://frontends.tinylytics.test";
    private static final String ROLE = "tinylytics-writer";

    private final ServerKeyAccess withJwt = ServerKeyAccess.withJwt("classpath:jwt/test-public-key.pem", ISSUER, ROLE);

    private static String token(String issuer, Set<String> groups, PrivateKey key) {
        return Jwt.issuer(issuer).subject("dashboard").groups(groups).expiresIn(300).sign(key);
    }

    private static PrivateKey testKey() throws IOException, GeneralSecurityException {
        try (InputStream in = ServerKeyAccessTest.class.getClassLoader().getResourceAsStream("jwt/test-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----|\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    @Test
    void withoutJwtWritesWithTheServerKeyAreClosedUnlessOpened() {
        ForbiddenException closed = assertThrows(ForbiddenException.class,
                () -> ServerKeyAccess.of(false).checkServerWriteKey(Optional.empty()));
        assertTrue(closed.getMessage().contains("GATEWAY_WRITES_OPEN"));
        assertDoesNotThrow(() -> ServerKeyAccess.of(true).checkServerWriteKey(Optional.empty()));
        assertDoesNotThrow(() -> ServerKeyAccess.of(false).checkServerReadKey(Optional.empty()));
    }

    @Test
    void withJwtTheServerReadKeyNeedsAValidToken() throws Exception {
        assertThrows(UnauthenticatedException.class, () -> withJwt.checkServerReadKey(Optional.empty()));
        assertThrows(UnauthenticatedException.class, () -> withJwt.checkServerReadKey(Optional.of("not-a-jwt")));
        assertDoesNotThrow(() -> withJwt.checkServerReadKey(Optional.of(token(ISSUER, Set.of(), testKey()))));
    }

    @Test
    void withJwtTheServerWriteKeyNeedsTheWriteRole() throws Exception {
        ForbiddenException noRole = assertThrows(ForbiddenException.class,
                () -> withJwt.checkServerWriteKey(Optional.of(token(ISSUER, Set.of("reader"), testKey()))));
        assertTrue(noRole.getMessage().contains(ROLE));
        assertDoesNotThrow(() -> withJwt.checkServerWriteKey(Optional.of(token(ISSUER, Set.of(ROLE), testKey()))));
    }

    @Test
    void aTokenFromAnotherIssuerOrSignedByAnotherKeyIsRejected() throws Exception {
        String otherIssuer = token("https://elsewhere.test", Set.of(ROLE), testKey());
        assertThrows(UnauthenticatedException.class, () -> withJwt.checkServerWriteKey(Optional.of(otherIssuer)));

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = token(ISSUER, Set.of(ROLE), generator.generateKeyPair().getPrivate());
        UnauthenticatedException rejected = assertThrows(UnauthenticatedException.class,
                () -> withJwt.checkServerWriteKey(Optional.of(forged)));
        assertFalse(rejected.getMessage().contains(forged), "the token is never echoed");
    }
}
