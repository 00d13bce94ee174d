package app.tinylytics.gateway.uptime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.uptime} field: monitor status and downtimes, null when the site has no uptime monitor. */
@GraphQLApi
@CodedErrors
public class UptimeApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    UptimeApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Description("Uptime monitor (GET /sites/:id/uptime); null when uptime is not enabled for the site.")
    public Uni<Uptime> uptime(@Source Site site, Integer page, Integer perPage) {
        Arguments.paging(page, perPage, Endpoint.UPTIME);
        UpstreamQuery query = UpstreamQuery.create().withPage(page, perPage);
        return tinylytics.uptime(caller.reads(), site.numericId(), query).map(dto -> dto == null ? null : Uptime.from(dto));
    }
}
