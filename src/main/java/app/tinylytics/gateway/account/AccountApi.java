package app.tinylytics.gateway.account;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code me} query: who the key in use belongs to. */
@GraphQLApi
public class AccountApi {

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;

    AccountApi(TinylyticsClient tinylytics, KeyResolver keys) {
        this.tinylytics = tinylytics;
        this.keys = keys;
    }

    @Query
    @Description("The account behind the API key in use, and that key's metadata (GET /me).")
    public @NonNull Uni<Account> me() {
        return tinylytics.me(keys.readKey()).map(Account::from);
    }
}
