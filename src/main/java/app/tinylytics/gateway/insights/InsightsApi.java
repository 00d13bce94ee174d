package app.tinylytics.gateway.insights;

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

/** The {@code Site.insights} field: AI insight reports, a premium (subscription) read. */
@GraphQLApi
@CodedErrors
public class InsightsApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    InsightsApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Description("AI insights (GET /sites/:id/insights). SUBSCRIPTION_REQUIRED error without a subscription.")
    public Uni<InsightReport> insights(@Source Site site, Integer page, Integer perPage) {
        Arguments.paging(page, perPage, Endpoint.INSIGHTS);
        UpstreamQuery query = UpstreamQuery.create().withPage(page, perPage);
        return tinylytics.insights(caller.reads(), site.numericId(), query).map(InsightReport::from);
    }
}
