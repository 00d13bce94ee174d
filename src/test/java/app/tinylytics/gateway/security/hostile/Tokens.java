package app.tinylytics.gateway.security.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import app.tinylytics.gateway.security.JwtFixtures;

/**
 * JWTs an attacker can make, next to a valid one signed by the deployment's key pair (the committed test pair): each
 * is wrong in exactly one way. Every token made is remembered by {@link SuiteKeys}, so the logs can be searched for it.
 */
final class Tokens {

    static final String FRONTEND = "frontend-dashboard";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** Valid for this deployment: issuer, audience, subject, not expired, signed with its key. */
    static String valid(String subject, Set<String> groups) {
        return SuiteKeys.token(claims().subject(subject).groups(groups).sign(JwtFixtures.testKey()));
    }

    static String writer(String subject) {
        return valid(subject, Set.of(JwtFixtures.WRITER));
    }

    /** Signed with a key pair the attacker made. */
    static String signedByAnotherKey() {
        return SuiteKeys.token(claims().subject(FRONTEND).groups(Set.of(JwtFixtures.WRITER)).sign(attackerKey()));
    }

    /** A valid token whose payload was swapped for one claiming the writer role, keeping the original signature. */
    static String tamperedPayload() {
        String[] parts = valid(FRONTEND, Set.of()).split("\\.");
        Map<String, Object> claims = standardClaims();
        claims.put("groups", new String[] { JwtFixtures.WRITER });
        return SuiteKeys.token(parts[0] + "." + segment(claims) + "." + parts[2]);
    }

    /** {@code "alg": "none"} with an empty signature. */
    static String algNone() {
        Map<String, Object> claims = standardClaims();
        claims.put("groups", new String[] { JwtFixtures.WRITER });
        return SuiteKeys.token(segment(Map.of("alg", "none", "typ", "JWT")) + "." + segment(claims) + ".");
    }

    /** HS256 keyed with the deployment's RSA public key, as published: the classic algorithm confusion. */
    static String hmacWithThePublicKey() {
        Map<String, Object> claims = standardClaims();
        claims.put("groups", new String[] { JwtFixtures.WRITER });
        String signed = segment(Map.of("alg", "HS256", "typ", "JWT")) + "." + segment(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(Path.of("src/test/resources/jwt/test-public-key.pem")), "HmacSHA256"));
            return SuiteKeys.token(signed + "." + BASE64URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with the attacker's key, which the header carries as a {@code jwk} for the verifier to trust. */
    static String embeddedJwk() {
        KeyPair attacker = attackerKeyPair();
        RSAPublicKey key = (RSAPublicKey) attacker.getPublic();
        Map<String, Object> jwk = Map.of("kty", "RSA", "e", BASE64URL.encodeToString(unsigned(key.getPublicExponent())),
                "n", BASE64URL.encodeToString(unsigned(key.getModulus())));
        return SuiteKeys.token(signedRs256(Map.of("alg", "RS256", "typ", "JWT", "jwk", jwk), attacker.getPrivate()));
    }

    /** Signed with the attacker's key, whose header points the verifier at {@code jwksUrl} to fetch it. */
    static String jku(String jwksUrl) {
        KeyPair attacker = attackerKeyPair();
        return SuiteKeys.token(signedRs256(Map.of("alg", "RS256", "typ", "JWT", "jku", jwksUrl, "kid", "attacker"),
                attacker.getPrivate()));
    }

    static String expired() {
        Instant now = Instant.now();
        return SuiteKeys.token(Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).subject(FRONTEND)
                .issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)).sign(JwtFixtures.testKey()));
    }

    /** {@code nbf} an hour from now. */
    static String notYetValid() {
        return SuiteKeys.token(claims().subject(FRONTEND).claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())
                .sign(JwtFixtures.testKey()));
    }

    static String wrongAudience() {
        return SuiteKeys.token(Jwt.issuer(JwtFixtures.ISSUER).audience("another-service").subject(FRONTEND).expiresIn(300)
                .sign(JwtFixtures.testKey()));
    }

    static String wrongIssuer() {
        return SuiteKeys.token(Jwt.issuer("https://attacker.example").audience(JwtFixtures.AUDIENCE).subject(FRONTEND)
                .expiresIn(300).sign(JwtFixtures.testKey()));
    }

    /** No {@code sub}, nor any other name claim. */
    static String withoutSubject() {
        return SuiteKeys.token(claims().sign(JwtFixtures.testKey()));
    }

    /** No {@code sub}, but a {@code upn}: MicroProfile JWT would take the upn as the caller's name. */
    static String withoutSubjectButUpn() {
        return SuiteKeys.token(claims().upn("someone@frontends.test").sign(JwtFixtures.testKey()));
    }

    static String blankSubject() {
        return SuiteKeys.token(claims().subject(" ").sign(JwtFixtures.testKey()));
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(JwtFixtures.ISSUER).audience(JwtFixtures.AUDIENCE).expiresIn(300);
    }

    private static Map<String, Object> standardClaims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JwtFixtures.ISSUER);
        claims.put("aud", JwtFixtures.AUDIENCE);
        claims.put("sub", FRONTEND);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        return claims;
    }

    private static String segment(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey attackerKey() {
        return attackerKeyPair().getPrivate();
    }

    private static KeyPair attackerKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard claims with the writer role under {@code header}, signed RS256 with {@code key}. */
    private static String signedRs256(Map<String, Object> header, PrivateKey key) {
        Map<String, Object> claims = standardClaims();
        claims.put("groups", new String[] { JwtFixtures.WRITER });
        String signed = segment(header) + "." + segment(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
