package app.tinylytics.gateway.upstream.cache;

import app.tinylytics.gateway.upstream.Endpoint;

/**
 * Identity of one cached upstream read: key fingerprint (never the key), endpoint, site and the
 * query after defaults. Its string form {@code fingerprint|ENDPOINT|site|query} is the cache key.
 */
public record CacheKey(String fingerprint, Endpoint endpoint, long siteId, String query) {

    /** Site id used for reads that belong to no site ({@code me}, {@code sites}). */
    public static final long NO_SITE = 0;

    private static final String SEPARATOR = "|";

    public static CacheKey parse(String value) {
        String[] parts = value.split("\\|", 4);
        return new CacheKey(parts[0], Endpoint.valueOf(parts[1]), Long.parseLong(parts[2]), parts.length > 3 ? parts[3] : "");
    }

    @Override
    public String toString() {
        return fingerprint + SEPARATOR + endpoint.name() + SEPARATOR + siteId + SEPARATOR + query;
    }
}
