package app.tinylytics.gateway.upstream;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every upstream endpoint the gateway calls, with all of its rules in one row: what it needs upstream (403
 * meanings), how fresh its answers stay, whether it has a date range with upstream defaults, its page cap,
 * which answer means "absent" rather than an error, and which cached reads a write to it changes.
 * docs/upstream.md#the-columns describes each column.
 */
public enum Endpoint {
    ME("GET /me", Freshness.ACCOUNT, Range.NONE, 0, Absent.NEVER),
    SITES("GET /sites", Freshness.ACCOUNT, Range.NONE, 0, Absent.NEVER),
    SITE("GET /sites/:id", Freshness.ACCOUNT, Range.NONE, 0, Absent.WHEN_NOT_FOUND),
    HITS("GET /sites/:id/hits", Freshness.ANALYTICS, Range.LAST_30_DAYS_BY_DEFAULT, 1000, Absent.NEVER),
    KUDOS("GET /sites/:id/kudos", Freshness.ANALYTICS, Range.LAST_30_DAYS_BY_DEFAULT, 1000, Absent.NEVER),
    LEADERBOARD("GET /sites/:id/leaderboard", Freshness.DECLARED_BY_UPSTREAM, Range.NONE, 1000, Absent.NEVER),
    JOURNEYS("GET /sites/:id/user_journeys", Freshness.ANALYTICS, Range.LAST_30_DAYS_BY_DEFAULT, 50, Absent.NEVER),
    INSIGHTS("GET /sites/:id/insights", Freshness.INSIGHTS, Range.NONE, 50, Absent.NEVER, Requirement.SUBSCRIPTION),
    SIGNALS("GET /sites/:id/signals", Freshness.INSIGHTS, Range.LAST_30_DAYS_BY_DEFAULT, 100, Absent.NEVER, Requirement.SUBSCRIPTION,
            Requirement.INSIGHTS_ENABLED),
    UPTIME("GET /sites/:id/uptime", Freshness.MONITORING, Range.NONE, 100, Absent.WHEN_NOT_FOUND,
            Requirement.SUBSCRIPTION),
    CONTENT("GET /sites/:id/content", Freshness.MONITORING, Range.NONE, 0, Absent.WHEN_FEATURE_OFF,
            Requirement.SUBSCRIPTION, Requirement.CONTENT_MONITORING),

    TRACK_HIT("POST /sites/:id/hits", Set.of(HITS, JOURNEYS)),
    TRACK_HITS("POST /sites/:id/hits/batch", Set.of(HITS, JOURNEYS)),
    TRACK_EVENT("POST /sites/:id/events", Set.of(HITS, JOURNEYS)),
    TRACK_EVENTS("POST /sites/:id/events/batch", Set.of(HITS, JOURNEYS)),
    GIVE_KUDO("POST /sites/:id/kudos", Set.of(KUDOS)),
    DELETE_KUDO("DELETE /sites/:id/kudos/:uid", Set.of(KUDOS)),
    SUBMIT_SIGNAL("POST /sites/:id/signals", Set.of(SIGNALS, INSIGHTS), Requirement.SUBSCRIPTION,
            Requirement.INSIGHTS_ENABLED);

    /** How long an answer stays fresh, by kind of data; the TTLs are configured per class. */
    public enum Freshness {
        /** me, sites, site. */
        ACCOUNT,
        /** Traffic data; a range that ended before today no longer changes and has its own, longer TTL. */
        ANALYTICS,
        INSIGHTS,
        MONITORING,
        /** Fresh exactly until the answer's own {@code cache_info.expires_at}. */
        DECLARED_BY_UPSTREAM,
        /** Writes: never cached. */
        NEVER_CACHED
    }

    /** Whether the endpoint reads a date range, which upstream defaults to the last 30 days up to today. */
    public enum Range {
        NONE,
        LAST_30_DAYS_BY_DEFAULT
    }

    /** What upstream checks before it serves the endpoint; a 403 means one of them failed. */
    public enum Requirement {
        FULL_ACCESS_KEY,
        SUBSCRIPTION,
        INSIGHTS_ENABLED,
        CONTENT_MONITORING
    }

    /** Which answer means "nothing there" (the field resolves to null or to a disabled report) rather than an error. */
    public enum Absent {
        NEVER,
        /** 404: an unknown site, uptime monitoring not enabled. */
        WHEN_NOT_FOUND,
        /** 403 with {@code content_monitoring_enabled: false}. */
        WHEN_FEATURE_OFF
    }

    /** Upstream's page size where a paged read names no {@code per_page}. */
    public static final int DEFAULT_PER_PAGE = 100;

    private final String route;
    private final Freshness freshness;
    private final Range range;
    private final int maxPerPage;
    private final Absent absent;
    private final Set<Requirement> requirements;
    private final Set<Endpoint> invalidates;

    /** A read. */
    Endpoint(String route, Freshness freshness, Range range, int maxPerPage, Absent absent, Requirement... requirements) {
        this.route = route;
        this.freshness = freshness;
        this.range = range;
        this.maxPerPage = maxPerPage;
        this.absent = absent;
        this.requirements = Set.of(requirements);
        this.invalidates = Set.of();
    }

    /** A write: needs a full-access key, is never cached, and changes the listed reads of its site. */
    Endpoint(String route, Set<Endpoint> invalidates, Requirement... requirements) {
        this.route = route;
        this.freshness = Freshness.NEVER_CACHED;
        this.range = Range.NONE;
        this.maxPerPage = 0;
        this.absent = Absent.NEVER;
        this.requirements = Set.copyOf(EnumSet.of(Requirement.FULL_ACCESS_KEY, requirements));
        this.invalidates = Set.copyOf(invalidates);
    }

    /** Method and path template, e.g. {@code GET /sites/:id/hits}: safe for logs and metric tags. */
    public String route() {
        return route;
    }

    public boolean isWrite() {
        return freshness == Freshness.NEVER_CACHED;
    }

    public Freshness freshness() {
        return freshness;
    }

    /** True when {@code start_date}/{@code end_date} default to the last 30 days up to today. */
    public boolean isDated() {
        return range == Range.LAST_30_DAYS_BY_DEFAULT;
    }

    /** Largest {@code per_page} upstream serves; 0 for endpoints without paging. */
    public int maxPerPage() {
        return maxPerPage;
    }

    /**
     * The rows a read with these parameters asks for: its {@code per_page}, else upstream's default page
     * ({@value #DEFAULT_PER_PAGE}, at most the endpoint's cap); 0 for endpoints without paging.
     */
    public long rowsAsked(Map<String, String> parameters) {
        if (maxPerPage == 0) {
            return 0;
        }
        String perPage = parameters.get("per_page");
        try {
            return perPage == null ? Math.min(DEFAULT_PER_PAGE, maxPerPage) : Long.parseLong(perPage);
        } catch (NumberFormatException unexpected) {
            return maxPerPage;
        }
    }

    public Absent absent() {
        return absent;
    }

    public boolean requires(Requirement requirement) {
        return requirements.contains(requirement);
    }

    /** The cached reads of the same site that a successful write to this endpoint changes. */
    public Set<Endpoint> invalidates() {
        return invalidates;
    }
}
