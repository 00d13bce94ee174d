package app.tinylytics.gateway.ratelimit;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.budget.RequestBudget;

/** One caller's share of a server key's hourly budget (GATEWAY_BUDGET_CALLER_SHARE_PERCENT of it). */
@Description("One caller's share of the gateway key's hourly upstream budget.")
public record CallerShare(
        @Description("Requests of the key this caller may spend per hour.") int limit,
        @Description("Requests this caller has left in the current window.") int remaining,
        @Description("When this caller's oldest counted request leaves the window.") Instant resetsAt) {

    static CallerShare from(RequestBudget.Share share) {
        return new CallerShare(share.limit(), share.remaining(), share.resetsAt());
    }
}
