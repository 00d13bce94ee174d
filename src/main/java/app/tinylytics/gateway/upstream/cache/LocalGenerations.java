package app.tinylytics.gateway.upstream.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;

/** Generations in this process: one counter per (site, endpoint) that has ever been written. */
final class LocalGenerations implements Generations {

    private final Map<String, Long> counters = new ConcurrentHashMap<>();

    @Override
    public Uni<Long> current(long siteId, Endpoint endpoint) {
        return Uni.createFrom().item(counters.getOrDefault(key(siteId, endpoint), 0L));
    }

    @Override
    public Uni<Void> bump(long siteId, Set<Endpoint> endpoints) {
        endpoints.forEach(endpoint -> counters.merge(key(siteId, endpoint), 1L, Long::sum));
        return Uni.createFrom().voidItem();
    }

    private static String key(long siteId, Endpoint endpoint) {
        return siteId + ":" + endpoint.name();
    }
}
