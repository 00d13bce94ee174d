package app.tinylytics.gateway.ratelimit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.budget.RequestBudget;

/** The {@code rateLimit} query: how much of the key's hourly upstream budget is left. Costs no upstream call. */
@GraphQLApi
@CodedErrors
public class RateLimitApi {

    private final RequestBudget budget;
    private final CurrentCaller caller;
    private final Operations operations;

    RateLimitApi(RequestBudget budget, CurrentCaller caller, Operations operations) {
        this.budget = budget;
        this.caller = caller;
        this.operations = operations;
    }

    @Query
    @Description("The gateway's own view of the upstream request budget of the key in use.")
    public @NonNull Uni<RateLimit> rateLimit() {
        operations.current().markPersonal(); // the caller's own share, and it changes with every request
        return budget.snapshot(caller.reads()).map(RateLimit::from);
    }
}
