package app.tinylytics.gateway.upstream.cache;

import java.util.Set;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;

/**
 * Invalidation by generation: every (site, read endpoint) has a counter that a write to the site bumps. A cached read
 * remembers the generation it was asked under and counts only while that is still current, so a write invalidates
 * without finding entries, and a read already in flight when the write happened cannot store a valid older answer.
 */
public interface Generations {

    /** The current generation of the site's reads of {@code endpoint}. */
    Uni<Long> current(long siteId, Endpoint endpoint);

    /** Starts a new generation for the site's reads of each endpoint. */
    Uni<Void> bump(long siteId, Set<Endpoint> endpoints);
}
