package app.tinylytics.gateway.uptime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.uptime} field: monitor status and downtimes, null when the site has no uptime monitor. */
@GraphQLApi
public class UptimeApi {

    static final int MAX_PER_PAGE = 100;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;

    UptimeApi(TinylyticsClient tinylytics, KeyResolver keys) {
        this.tinylytics = tinylytics;
        this.keys = keys;
    }

    @Description("Uptime monitor (GET /sites/:id/uptime); null when uptime is not enabled for the site.")
    public Uni<Uptime> uptime(@Source Site site,
            @Name("page") Integer page,
            @Name("perPage") Integer perPage) {
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        UpstreamQuery query = UpstreamQuery.create().with("page", page).with("per_page", perPage);
        // The client answers null for upstream's 404 "uptime not enabled": the field is then null, not an error.
        return tinylytics.uptime(keys.readKey(), site.numericId(), query).map(dto -> dto == null ? null : Uptime.from(dto));
    }
}
