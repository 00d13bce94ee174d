package app.tinylytics.gateway.account;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code me} query: who the key in use belongs to. */
@GraphQLApi
@CodedErrors
public class AccountApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    AccountApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Query
    @Description("The account behind the API key in use, and that key's metadata (GET /me).")
    public Uni<Account> me() {
        return tinylytics.me(caller.reads()).map(Account::from);
    }
}
