package app.tinylytics.gateway.sites;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.upstream.TinylyticsClient;

/** The {@code sites} and {@code site(id)} queries: the entry points to every site's analytics. */
@GraphQLApi
@CodedErrors
public class SitesApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    SitesApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Query
    @Description("Every site the key can read (GET /sites).")
    public Uni<List<@NonNull Site>> sites() {
        return tinylytics.sites(caller.reads()).map(sites -> sites.stream().map(Site::from).toList());
    }

    @Query
    @Description("One site by numeric id (GET /sites/:id); null when it does not exist for this key.")
    public Uni<Site> site(@Name("id") @Id @NonNull String id) {
        long siteId = Arguments.siteId("id", id);
        return tinylytics.site(caller.reads(), siteId).map(dto -> dto == null ? null : Site.from(dto));
    }
}
