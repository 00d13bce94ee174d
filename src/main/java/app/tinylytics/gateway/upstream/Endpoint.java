package app.tinylytics.gateway.upstream;

/**
 * Every upstream endpoint the gateway calls, with what tells its errors apart: whether it writes
 * (403 means a read-only key) and whether it needs a subscription (403 means no subscription).
 */
public enum Endpoint {
    DISCOVERY("GET /", false, false),
    ME("GET /me", false, false),
    SITES("GET /sites", false, false),
    SITE("GET /sites/:id", false, false),
    HITS("GET /sites/:id/hits", false, false),
    KUDOS("GET /sites/:id/kudos", false, false),
    LEADERBOARD("GET /sites/:id/leaderboard", false, false),
    JOURNEYS("GET /sites/:id/user_journeys", false, false),
    INSIGHTS("GET /sites/:id/insights", false, true),
    SIGNALS("GET /sites/:id/signals", false, true),
    UPTIME("GET /sites/:id/uptime", false, true),
    CONTENT("GET /sites/:id/content", false, true),
    TRACK_HIT("POST /sites/:id/hits", true, false),
    TRACK_HITS("POST /sites/:id/hits/batch", true, false),
    TRACK_EVENT("POST /sites/:id/events", true, false),
    TRACK_EVENTS("POST /sites/:id/events/batch", true, false),
    GIVE_KUDO("POST /sites/:id/kudos", true, false),
    DELETE_KUDO("DELETE /sites/:id/kudos/:uid", true, false),
    SUBMIT_SIGNAL("POST /sites/:id/signals", true, true);

    private final String route;
    private final boolean write;
    private final boolean premium;

    Endpoint(String route, boolean write, boolean premium) {
        this.route = route;
        this.write = write;
        this.premium = premium;
    }

    /** Method and path template, e.g. {@code GET /sites/:id/hits}: safe for logs and metric tags. */
    public String route() {
        return route;
    }

    public boolean isWrite() {
        return write;
    }

    public boolean isPremium() {
        return premium;
    }
}
