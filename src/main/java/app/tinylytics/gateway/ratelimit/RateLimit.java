package app.tinylytics.gateway.ratelimit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.budget.RequestBudget;

/** The gateway's view of the upstream request budget of one key. */
@Description("The gateway's view of the upstream request budget of the key in use.")
public record RateLimit(
        @Description("Requests allowed per hour per key upstream (1000).") int limit,
        @Description("Requests the gateway believes are left in the current window.") int remaining,
        @Description("When the oldest counted request leaves the window.") Instant resetsAt) {

    public static RateLimit from(RequestBudget.Snapshot snapshot) {
        return new RateLimit(snapshot.limit(), snapshot.remaining(), snapshot.resetsAt());
    }
}
