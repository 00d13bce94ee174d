package app.tinylytics.gateway.insights;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.insights} field: AI insight reports, a premium (subscription) read. */
@GraphQLApi
public class InsightsApi {

    static final int MAX_PER_PAGE = 50;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;

    InsightsApi(TinylyticsClient tinylytics, KeyResolver keys) {
        this.tinylytics = tinylytics;
        this.keys = keys;
    }

    @Description("AI insights (GET /sites/:id/insights). SUBSCRIPTION_REQUIRED error without a subscription.")
    public @NonNull Uni<InsightReport> insights(@Source Site site,
            @Name("page") Integer page,
            @Name("perPage") Integer perPage) {
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        UpstreamQuery query = UpstreamQuery.create().with("page", page).with("per_page", perPage);
        return tinylytics.insights(keys.readKey(), site.numericId(), query).map(InsightReport::from);
    }
}
