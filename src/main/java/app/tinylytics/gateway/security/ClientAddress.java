package app.tinylytics.gateway.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * Which address a request comes from, for telling callers apart: the connection's peer, unless that peer is one of
 * the configured trusted proxies, in which case the right-most address of {@code X-Forwarded-For} that is not itself a
 * trusted proxy. A client can put anything in that header; only a proxy we trust appends what we believe.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Range> trusted;

    ClientAddress(GatewayConfig config) {
        this.trusted = config.security().trustedProxies().orElse(List.of()).stream()
                .map(String::strip).filter(entry -> !entry.isEmpty()).map(Range::parse).toList();
    }

    /** The caller's address for a connection from {@code peer} carrying these {@code X-Forwarded-For} values. */
    public String of(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty()) {
            return peer == null ? "unknown" : peer; // the common case, without parsing the address on every request
        }
        if (peer == null || !isTrusted(peer)) {
            return peer == null ? "unknown" : peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The bytes of an IP literal; null for anything else (a client-made hop like "unknown" or a name). */
    private static byte[] literal(String address) {
        String text = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!text.matches("[0-9a-fA-F.:]+")) {
            return null; // never resolve names: a literal or nothing
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException notALiteral) {
            return null;
        }
    }

    /** An address or CIDR range of trusted proxies. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("GATEWAY_SECURITY_TRUSTED_PROXIES: '" + entry + "' is not an IP address or CIDR range");
            }
            int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = address.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
