package app.tinylytics.gateway.ratelimit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.budget.RequestBudget;

/** The {@code rateLimit} query: how much of the key's hourly upstream budget is left. Costs no upstream call. */
@GraphQLApi
@CodedErrors
public class RateLimitApi {

    private final RequestBudget budget;
    private final CurrentCaller caller;

    RateLimitApi(RequestBudget budget, CurrentCaller caller) {
        this.budget = budget;
        this.caller = caller;
    }

    @Query
    @Description("The gateway's own view of the upstream request budget of the key in use.")
    public @NonNull Uni<RateLimit> rateLimit() {
        return budget.snapshot(caller.reads()).map(RateLimit::from);
    }
}
