package app.tinylytics.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import app.tinylytics.gateway.config.TinylyticsConfig;
import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;
import app.tinylytics.gateway.security.ServerKeyAccess;

/** Key choice without a forwarded key, and what leaks of a key: only its fingerprint. */
class KeyResolverTest {

    private static KeyResolver resolverWith(String readKey, String writeKey) {
        return resolverWith(readKey, writeKey, true);
    }

    private static KeyResolver resolverWith(String readKey, String writeKey, boolean writesOpen) {
        TinylyticsConfig config = KeyResolvers.config(Optional.ofNullable(readKey), Optional.ofNullable(writeKey));
        return new KeyResolver(new CurrentVertxRequest(), config, ServerKeyAccess.of(writesOpen));
    }

    @Test
    void withWritesClosedTheServerWriteKeyIsRefused() {
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> resolverWith("tly-ro-server-key-0001", "tly-fa-server-key-0001", false).writeKey());
        assertTrue(e.getMessage().contains("GATEWAY_WRITES_OPEN"));
        assertFalse(e.getMessage().contains("tly-fa-server"));
    }

    @Test
    void withWritesOpenTheServerWriteKeyIsUsed() {
        assertEquals(ApiKey.of("tly-fa-server-key-0001").fingerprint(),
                resolverWith(null, "tly-fa-server-key-0001", true).writeKey().fingerprint());
    }

    @Test
    void withoutAnyReadKeyAQueryIsUnauthenticated() {
        UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> resolverWith(null, null).readKey());
        assertTrue(e.getMessage().contains("TINYLYTICS_API_READ_KEY"));
    }

    @Test
    void withoutAnyWriteKeyAMutationIsForbidden() {
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> resolverWith("tly-ro-server-key-0001", null).writeKey());
        assertTrue(e.getMessage().contains("full-access"));
    }

    @Test
    void aServerReadKeyAloneDoesNotAllowWrites() {
        assertThrows(ForbiddenException.class, () -> resolverWith("tly-fa-server-key-0001", null).writeKey());
    }

    @Test
    void serverKeysAreUsedWhenTheCallerForwardsNone() {
        KeyResolver keys = resolverWith("tly-ro-server-key-0001", "tly-fa-server-key-0002");

        assertEquals("Bearer tly-ro-server-key-0001", keys.readKey().authorizationHeader());
        assertEquals("Bearer tly-fa-server-key-0002", keys.writeKey().authorizationHeader());
        assertFalse(keys.isForwarded());
    }

    @Test
    void aKeyShowsOnlyItsFingerprint() {
        ApiKey key = ApiKey.of("tly-fa-server-key-0002");

        assertEquals(12, key.fingerprint().length());
        assertFalse(key.toString().contains("server-key"));
        assertTrue(key.toString().contains(key.fingerprint()));
    }
}
