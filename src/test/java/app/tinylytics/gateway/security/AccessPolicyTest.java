package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;

/** The server keys' access modes, with JWTs signed by the committed test key pair. */
class AccessPolicyTest {

    private final AccessPolicy withJwt = SecurityFixtures.policy(JwtFixtures.SETTINGS);

    @Test
    void withNoAccessModeTheServerKeysAreClosedAndTheMessageNamesBothSettings() {
        AccessPolicy closed = SecurityFixtures.policy(Map.of());

        UnauthenticatedException reads = assertThrows(UnauthenticatedException.class,
                () -> closed.checkServerReads(Optional.empty()));
        assertTrue(reads.getMessage().contains("GATEWAY_SECURITY_JWT_PUBLIC_KEY_LOCATION"), reads.getMessage());
        assertTrue(reads.getMessage().contains("GATEWAY_SECURITY_OPEN_READS"), reads.getMessage());
        assertThrows(ForbiddenException.class, () -> closed.checkServerWrites(Optional.empty()));
    }

    @Test
    void openReadsServeEveryCallerButWritesStayClosedUnlessOpenedToo() {
        AccessPolicy openReads = SecurityFixtures.policy(Map.of("gateway.security.open-reads", "true"));
        AccessPolicy open = SecurityFixtures.policy(Map.of("gateway.security.open-reads", "true",
                "gateway.security.open-writes", "true"));

        assertDoesNotThrow(() -> openReads.checkServerReads(Optional.empty()));
        ForbiddenException writes = assertThrows(ForbiddenException.class, () -> openReads.checkServerWrites(Optional.empty()));
        assertTrue(writes.getMessage().contains("GATEWAY_SECURITY_OPEN_WRITES"));
        assertDoesNotThrow(() -> open.checkServerWrites(Optional.empty()));
    }

    @Test
    void jwtWithoutIssuerOrAudienceIsRefusedAtStartUp() {
        Map<String, String> noAudience = new HashMap<>(JwtFixtures.SETTINGS);
        noAudience.remove("gateway.security.jwt.audience");
        Map<String, String> noIssuer = new HashMap<>(JwtFixtures.SETTINGS);
        noIssuer.remove("gateway.security.jwt.issuer");

        IllegalStateException audience = assertThrows(IllegalStateException.class, () -> SecurityFixtures.policy(noAudience));
        assertTrue(audience.getMessage().contains("GATEWAY_SECURITY_JWT_AUDIENCE"));
        assertThrows(IllegalStateException.class, () -> SecurityFixtures.policy(noIssuer));
    }

    @Test
    void withJwtTheServerReadKeyNeedsAVerifiedIdentity() {
        assertThrows(UnauthenticatedException.class, () -> withJwt.checkServerReads(Optional.empty()));
        AccessPolicy.Identity identity = withJwt.verify(JwtFixtures.token("dashboard", Set.of()));

        assertEquals("dashboard", identity.subject());
        assertDoesNotThrow(() -> withJwt.checkServerReads(Optional.of(identity)));
    }

    @Test
    void withJwtTheServerWriteKeyNeedsTheWriterRole() {
        AccessPolicy.Identity reader = withJwt.verify(JwtFixtures.token("dashboard", Set.of("reader")));
        AccessPolicy.Identity writer = withJwt.verify(JwtFixtures.token("backoffice", Set.of(JwtFixtures.WRITER)));

        ForbiddenException noRole = assertThrows(ForbiddenException.class, () -> withJwt.checkServerWrites(Optional.of(reader)));
        assertTrue(noRole.getMessage().contains(JwtFixtures.WRITER));
        assertDoesNotThrow(() -> withJwt.checkServerWrites(Optional.of(writer)));
    }

    @Test
    void tokensWithoutASubjectAreRejectedEvenWhenAnotherClaimNamesTheCaller() {
        String upnOnly = Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).upn("someone@frontends.test")
                .expiresIn(300).sign(JwtFixtures.testKey());
        String preferredNameOnly = Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE)
                .preferredUserName("someone").expiresIn(300).sign(JwtFixtures.testKey());
        String blankSubject = Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).subject(" ")
                .expiresIn(300).sign(JwtFixtures.testKey());

        for (String token : new String[] {upnOnly, preferredNameOnly, blankSubject}) {
            UnauthenticatedException rejected = assertThrows(UnauthenticatedException.class, () -> withJwt.verify(token));
            assertTrue(rejected.getMessage().contains("'sub'"), rejected.getMessage());
        }
    }

    @Test
    void tokensWithAnotherIssuerAudienceOrSignerOrExpiredAreRejectedWithoutEchoingThem() throws Exception {
        String otherIssuer = Jwt.issuer("https://elsewhere.test").audience(JwtFixtures.AUDIENCE).subject("x")
                .expiresIn(300).sign(JwtFixtures.testKey());
        String otherAudience = Jwt.issuer(JwtFixtures.ISSUER).audience("another-service").subject("x")
                .expiresIn(300).sign(JwtFixtures.testKey());
        String expired = Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).subject("x")
                .issuedAt(1_000_000L).expiresAt(1_000_060L).sign(JwtFixtures.testKey());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).subject("x").expiresIn(300)
                .sign(generator.generateKeyPair().getPrivate());

        for (String token : new String[] {otherIssuer, otherAudience, expired, forged, "not-a-jwt"}) {
            UnauthenticatedException rejected = assertThrows(UnauthenticatedException.class, () -> withJwt.verify(token));
            assertFalse(rejected.getMessage().contains(token), "the token is never echoed");
        }
    }
}
