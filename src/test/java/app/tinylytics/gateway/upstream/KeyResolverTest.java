package app.tinylytics.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.support.TestKeys;

/** Key choice for writes, outside any HTTP request (so nothing is forwarded). */
class KeyResolverTest {

    @Test
    void writeKeyWithoutForwardedOrServerKeyIsForbidden() {
        KeyResolver keys = KeyResolvers.withoutServerKeys(new CurrentVertxRequest());

        assertThrows(ForbiddenException.class, keys::writeKey);
    }

    @Test
    void writeKeyFallsBackToTheServerWriteKeyNotTheReadKey() {
        KeyResolver keys = new KeyResolver(new CurrentVertxRequest(),
                KeyResolvers.config(Optional.of(TestKeys.SERVER_READ), Optional.of(TestKeys.SERVER_WRITE)));

        assertEquals(ApiKey.of(TestKeys.SERVER_WRITE), keys.writeKey());
    }

    @Test
    void aServerReadKeyAloneDoesNotAllowWrites() {
        KeyResolver keys = new KeyResolver(new CurrentVertxRequest(),
                KeyResolvers.config(Optional.of(TestKeys.SERVER_READ), Optional.empty()));

        assertThrows(ForbiddenException.class, keys::writeKey);
    }
}
