package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.support.TestConfig;

/** Who a request comes from: X-Forwarded-For is believed only as far as it was written by trusted proxies. */
class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(TestConfig.gateway(
            Map.of("gateway.security.trusted-proxies", "10.0.0.0/8,192.168.1.1,fd00::/8")));
    private final ClientAddress direct = new ClientAddress(TestConfig.gateway(Map.of()));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", direct.of("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheCaller() {
        assertEquals("198.51.100.7", behindProxies.of("10.1.2.3", List.of("1.2.3.4, 198.51.100.7, 192.168.1.1")));
        assertEquals("198.51.100.7", behindProxies.of("10.1.2.3", List.of("1.2.3.4", "198.51.100.7")));
        assertEquals("2001:db8::1", behindProxies.of("fd00::5", List.of("2001:db8::1")));
    }

    @Test
    void aClientCannotPoseAsAnotherByAddingTheHeaderItself() {
        assertEquals("203.0.113.9", behindProxies.of("203.0.113.9", List.of("10.9.9.9")));
    }

    @Test
    void aProxyWithoutTheHeaderIsTheCaller() {
        assertEquals("10.1.2.3", behindProxies.of("10.1.2.3", List.of()));
    }

    @Test
    void aMisconfiguredProxyRangeIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class,
                () -> new ClientAddress(TestConfig.gateway(Map.of("gateway.security.trusted-proxies", "proxy.example.com"))));
    }
}
