package app.tinylytics.gateway.upstream;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The query parameters of one upstream read, in name order. Null values are skipped, so arguments a
 * caller left out are never sent; the sorted form doubles as a stable part of cache keys.
 */
public final class UpstreamQuery {

    private final SortedMap<String, String> params = new TreeMap<>();

    private UpstreamQuery() {
    }

    public static UpstreamQuery create() {
        return new UpstreamQuery();
    }

    /** Adds {@code name=value} unless the value is null; values are sent as their {@code toString()}. */
    public UpstreamQuery with(String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
        return this;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableSortedMap(params);
    }

    /** {@code a=1&b=2}, unencoded: for cache keys and logs, not for URLs. */
    @Override
    public String toString() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
