package app.tinylytics.gateway.writes;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamAccess;

/**
 * The one place told about every successful write: it drops the site's cached reads that the write can
 * change (ARCHITECTURE.md, caching), for every key, so a frontend that writes and then reads sees its
 * write as soon as upstream does. The leaderboard keeps its upstream-declared expiry.
 */
@ApplicationScoped
public class WriteEffects {

    private static final Set<Endpoint> TRAFFIC_READS = Set.of(Endpoint.HITS, Endpoint.JOURNEYS);

    /** Reads each write can change; hit groups are {@link Endpoint#HITS} reads too. */
    private static final Map<Endpoint, Set<Endpoint>> CHANGED_READS = Map.of(
            Endpoint.TRACK_HIT, TRAFFIC_READS,
            Endpoint.TRACK_HITS, TRAFFIC_READS,
            Endpoint.TRACK_EVENT, TRAFFIC_READS,
            Endpoint.TRACK_EVENTS, TRAFFIC_READS,
            Endpoint.GIVE_KUDO, Set.of(Endpoint.KUDOS),
            Endpoint.DELETE_KUDO, Set.of(Endpoint.KUDOS),
            Endpoint.SUBMIT_SIGNAL, Set.of(Endpoint.SIGNALS, Endpoint.INSIGHTS));

    private final UpstreamAccess upstream;

    WriteEffects(UpstreamAccess upstream) {
        this.upstream = upstream;
    }

    /**
     * Completes once the changed reads are dropped. Never fails: the write is already done upstream, and an
     * error here would invite the caller to send it again; a cache that could not be cleared only means
     * reads may lag until their entries expire.
     */
    public Uni<Void> written(Endpoint write, long siteId) {
        Set<Endpoint> changed = CHANGED_READS.getOrDefault(write, Set.of());
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return upstream.invalidate(siteId, changed)
                .invoke(() -> Log.debugf("%s for site %d dropped cached %s", write.route(), siteId, changed))
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("%s for site %d succeeded but its cached reads could not be dropped (%s)", write.route(),
                            siteId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }
}
