package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The WebSocket origin rule on its own, as it applies even where Quarkus' CORS filter is switched off: no Origin, the
 * gateway's own origin exactly, or an origin of the allow-list.
 */
class WebSocketOriginsTest {

    private final WebSocketOrigins origins = new WebSocketOrigins(List.of("https://dash.example", "/https://.*\\.corp\\.example/"));

    @Test
    void aClientWithoutOriginIsAllowed() {
        assertTrue(origins.allows(null, "http", "gateway.internal", 8080));
    }

    @Test
    void theGatewaysOwnOriginIsAllowed() {
        assertTrue(origins.allows("http://gateway.internal:8080", "http", "gateway.internal", 8080));
        assertTrue(origins.allows("http://GATEWAY.internal:8080", "http", "gateway.internal", 8080));
        assertTrue(origins.allows("https://gateway.internal", "https", "gateway.internal", -1));
        assertTrue(origins.allows("https://gateway.internal:443", "https", "gateway.internal", -1));
        assertTrue(origins.allows("http://[::1]:8080", "http", "::1", 8080));
    }

    @Test
    void anotherPortSchemeOrHostIsForeign() {
        assertFalse(origins.allows("http://gateway.internal:8081", "http", "gateway.internal", 8080));
        assertFalse(origins.allows("https://gateway.internal:8080", "http", "gateway.internal", 8080));
        assertFalse(origins.allows("http://gateway.internal.evil.example", "http", "gateway.internal", -1));
        assertFalse(origins.allows("http://evil.example", "http", "gateway.internal", -1));
    }

    @Test
    void somethingThatIsNotAnOriginIsForeign() {
        assertFalse(origins.allows("null", "http", "gateway.internal", -1));
        assertFalse(origins.allows("http://gateway.internal/path", "http", "gateway.internal", -1));
        assertFalse(origins.allows("http://user@gateway.internal", "http", "gateway.internal", -1));
        assertFalse(origins.allows("not a url", "http", "gateway.internal", -1));
    }

    @Test
    void theAllowListAllowsItsExactOriginsAndPatterns() {
        assertTrue(origins.allows("https://dash.example", "http", "gateway.internal", -1));
        assertTrue(origins.allows("https://admin.corp.example", "http", "gateway.internal", -1));
        assertFalse(origins.allows("https://dash.example.evil", "http", "gateway.internal", -1));
        assertFalse(origins.allows("http://dash.example", "http", "gateway.internal", -1));
    }

    @Test
    void aWildcardAllowsEveryOrigin() {
        assertTrue(new WebSocketOrigins(List.of("*")).allows("https://anywhere.example", "http", "gateway.internal", -1));
    }
}
