package app.tinylytics.gateway.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which pages may open a GraphQL WebSocket (browsers always send {@code Origin} and apply no CORS to WebSockets): none
 * sent, the gateway's own origin exactly, or one of the CORS allow-list ({@code quarkus.http.cors.origins}: exact
 * origins, {@code /regex/} entries, {@code *}).
 */
final class WebSocketOrigins {

    private final List<String> exact;
    private final List<Pattern> patterns;
    private final boolean any;

    WebSocketOrigins(List<String> allowed) {
        List<String> entries = allowed.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        this.any = entries.contains("*");
        this.exact = entries.stream().filter(entry -> !isRegex(entry)).toList();
        this.patterns = entries.stream().filter(WebSocketOrigins::isRegex)
                .map(entry -> Pattern.compile(entry.substring(1, entry.length() - 1))).toList();
    }

    /**
     * True when a page of {@code origin} (null: none sent) may connect to this gateway, reached with {@code scheme}
     * ({@code http} or {@code https}) at {@code host} and {@code port} (-1: none in the Host header).
     */
    boolean allows(String origin, String scheme, String host, int port) {
        if (origin == null) {
            return true;
        }
        if (any || exact.contains(origin) || patterns.stream().anyMatch(pattern -> pattern.matcher(origin).matches())) {
            return true;
        }
        return sameOrigin(origin, scheme, host, port);
    }

    private static boolean sameOrigin(String origin, String scheme, String host, int port) {
        URI parsed;
        try {
            parsed = new URI(origin);
        } catch (URISyntaxException notAnOrigin) {
            return false; // e.g. "null" from a sandboxed page
        }
        boolean bare = (parsed.getRawPath() == null || parsed.getRawPath().isEmpty()) && parsed.getRawQuery() == null
                && parsed.getRawFragment() == null && parsed.getRawUserInfo() == null;
        return bare && parsed.getScheme() != null && parsed.getHost() != null && host != null
                && parsed.getScheme().equalsIgnoreCase(scheme)
                && parsed.getHost().toLowerCase(Locale.ROOT).equals(bracketed(host.toLowerCase(Locale.ROOT)))
                && effectivePort(parsed.getScheme(), parsed.getPort()) == effectivePort(scheme, port);
    }

    /** URI keeps the brackets of an IPv6 host; a Host header's host is compared the same way. */
    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static int effectivePort(String scheme, int port) {
        if (port != -1) {
            return port;
        }
        return scheme.equalsIgnoreCase("https") ? 443 : 80;
    }

    private static boolean isRegex(String entry) {
        return entry.length() > 2 && entry.startsWith("/") && entry.endsWith("/");
    }
}
