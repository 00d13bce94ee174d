package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.tinylytics.gateway.error.ForbiddenException;
import app.tinylytics.gateway.error.UnauthenticatedException;
import app.tinylytics.gateway.upstream.ApiKey;
import app.tinylytics.gateway.upstream.UpstreamAuth;

/** The caller behind a request: strict Authorization parsing, key choice, and what shows of a key. */
class CallerResolverTest {

    static final String SERVER_READ = "tly-ro-server-key-0001";
    static final String SERVER_WRITE = "tly-fa-server-key-0002";
    static final Map<String, String> OPEN = Map.of("gateway.security.open-reads", "true", "gateway.security.open-writes", "true");

    private final CallerResolver open = SecurityFixtures.resolver(SecurityFixtures.serverKeys(SERVER_READ, SERVER_WRITE), OPEN);

    private static Caller resolve(CallerResolver resolver, String authorization) {
        return resolver.resolve(authorization == null ? List.of() : List.of(authorization), "10.0.0.7");
    }

    @Test
    void withoutAHeaderTheServerKeysServeWhenTheAccessModeAllows() {
        Caller anonymous = resolve(open, null);

        assertEquals("Bearer " + SERVER_READ, anonymous.reads().key().authorizationHeader());
        assertEquals(UpstreamAuth.Role.SERVER_READ, anonymous.reads().role());
        assertEquals("Bearer " + SERVER_WRITE, anonymous.writes().key().authorizationHeader());
        assertEquals("addr:10.0.0.7", anonymous.shareHolder());
    }

    @Test
    void aForwardedTinylyticsKeyIsUsedForReadsAndWrites() {
        Caller caller = resolve(open, "Bearer tly-fa-caller-key-9");

        assertEquals("Bearer tly-fa-caller-key-9", caller.reads().key().authorizationHeader());
        assertEquals("Bearer tly-fa-caller-key-9", caller.writes().key().authorizationHeader());
        assertFalse(caller.reads().isServerKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer\ttly-ro-caller-key", "Token tly-ro-caller-key", "tly-ro-caller-key", "Bearer",
            "Bearer ", "Basic dXNlcjpwYXNz", "Bearer tly-ro-caller key", "Bearer tly-RO-caller-key", "Bearer tly-",
            "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"})
    void aPresentButUnusableHeaderIsUnauthenticatedAndNeverTheServerKey(String header) {
        Caller caller = resolve(open, header);

        assertThrows(UnauthenticatedException.class, caller::reads, header);
        assertThrows(UnauthenticatedException.class, caller::writes, header);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        Caller caller = open.resolve(List.of("Bearer tly-ro-a-key", "Bearer tly-ro-b-key"), "10.0.0.7");

        assertThrows(UnauthenticatedException.class, caller::reads);
    }

    @Test
    void withJwtAValidTokenUsesTheServerKeysAsItsSubject() {
        CallerResolver jwt = SecurityFixtures.resolver(SecurityFixtures.serverKeys(SERVER_READ, SERVER_WRITE), JwtFixtures.SETTINGS);
        Caller dashboard = resolve(jwt, "Bearer " + JwtFixtures.token("dashboard", Set.of()));

        assertEquals("Bearer " + SERVER_READ, dashboard.reads().key().authorizationHeader());
        assertEquals("sub:dashboard", dashboard.shareHolder());
        assertThrows(ForbiddenException.class, dashboard::writes);
        assertThrows(UnauthenticatedException.class, () -> resolve(jwt, null).reads());
        assertEquals("Bearer tly-ro-caller-key", resolve(jwt, "Bearer tly-ro-caller-key").reads().key().authorizationHeader(),
                "a forwarded key is never taken for a JWT");
    }

    @Test
    void withoutAnyReadKeyAQueryIsUnauthenticatedAndWithoutAWriteKeyAMutationIsForbidden() {
        CallerResolver none = SecurityFixtures.resolver(SecurityFixtures.serverKeys(null, null), OPEN);

        UnauthenticatedException read = assertThrows(UnauthenticatedException.class, () -> resolve(none, null).reads());
        assertTrue(read.getMessage().contains("TINYLYTICS_API_READ_KEY"));
        ForbiddenException write = assertThrows(ForbiddenException.class, () -> resolve(none, null).writes());
        assertTrue(write.getMessage().contains("full-access"));
    }

    @Test
    void aKeyIsKnownByAFullLengthKeyedHashThatDependsOnTheDeploymentSecret() {
        ApiKey key = SecurityFixtures.identities("one secret").of(SERVER_WRITE);
        ApiKey sameKeyOtherSecret = SecurityFixtures.identities("another secret").of(SERVER_WRITE);

        assertEquals(64, key.identity().length());
        assertNotEquals(key.identity(), sameKeyOtherSecret.identity());
        assertFalse(key.toString().contains("server-key"));
        assertFalse(key.identity().contains("server-key"));
    }
}
