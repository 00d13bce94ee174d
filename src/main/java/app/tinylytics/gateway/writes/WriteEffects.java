package app.tinylytics.gateway.writes;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

import app.tinylytics.gateway.upstream.Endpoint;

/**
 * The one place told about every successful write, so that cached reads it can change are dropped:
 * kudos after giveKudo/deleteKudo; hits, hit groups and journeys after tracked hits and events;
 * signals and insights after submitSignal. Until the read cache exists there is nothing to drop.
 */
@ApplicationScoped
public class WriteEffects {

    public void written(Endpoint endpoint, long siteId) {
        Log.debugf("%s succeeded for site %d; no cached reads to drop yet", endpoint.route(), siteId);
    }
}
