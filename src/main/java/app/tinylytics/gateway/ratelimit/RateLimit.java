package app.tinylytics.gateway.ratelimit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.budget.RequestBudget;

/** The gateway's view of the upstream request budget of one key, and of the caller's own share of it. */
@Description("The gateway's view of the upstream request budget of the key in use.")
public record RateLimit(
        @Description("Requests allowed per hour per key upstream (1000).") int limit,
        @Description("Requests the gateway believes are left in the current window.") int remaining,
        @Description("When the oldest counted request leaves the window.") Instant resetsAt,
        @Description("The caller's own share of the gateway's key: at most this many of the key's requests per hour"
                + " are spent on one caller's behalf. Null when the caller forwards its own key.") CallerShare callerShare) {

    public static RateLimit from(RequestBudget.Snapshot snapshot) {
        return new RateLimit(snapshot.limit(), snapshot.remaining(), snapshot.resetsAt(),
                snapshot.share() == null ? null : CallerShare.from(snapshot.share()));
    }
}
