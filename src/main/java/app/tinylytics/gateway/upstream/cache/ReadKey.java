package app.tinylytics.gateway.upstream.cache;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;

import app.tinylytics.gateway.upstream.Endpoint;

/**
 * Identity of one cached upstream read: the key's identity (a keyed hash, never the key), the endpoint, the site and
 * every parameter that decides upstream's answer. Its {@link #encoded()} form is built structurally, each name and
 * value percent-encoded, so two different reads can never share an entry whatever their values contain.
 */
public record ReadKey(String keyIdentity, Endpoint endpoint, long siteId, SortedMap<String, String> params) {

    /** Site id used for reads that belong to no site ({@code me}, {@code sites}). */
    public static final long NO_SITE = 0;

    public ReadKey {
        params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
    }

    /** {@code identity|ENDPOINT|site|name=value&...} with every name and value percent-encoded. */
    public String encoded() {
        StringBuilder key = new StringBuilder(96).append(keyIdentity).append('|').append(endpoint.name()).append('|')
                .append(siteId).append('|');
        boolean first = true;
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!first) {
                key.append('&');
            }
            first = false;
            key.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
        }
        return key.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
