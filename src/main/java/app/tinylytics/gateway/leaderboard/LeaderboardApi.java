package app.tinylytics.gateway.leaderboard;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.leaderboard} field: the all-time path ranking (GET /sites/:id/leaderboard). */
@GraphQLApi
@CodedErrors
public class LeaderboardApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;

    LeaderboardApi(TinylyticsClient tinylytics, CurrentCaller caller) {
        this.tinylytics = tinylytics;
        this.caller = caller;
    }

    @Description("All-time path ranking (GET /sites/:id/leaderboard), cached until its expiresAt.")
    public Uni<Leaderboard> leaderboard(@Source Site site, String path, Integer page, Integer perPage) {
        Arguments.paging(page, perPage, Endpoint.LEADERBOARD);
        Arguments.text("path", path, TextLimit.PATH);
        UpstreamQuery query = UpstreamQuery.create()
                .with("path", path)
                .withPage(page, perPage);
        return tinylytics.leaderboard(caller.reads(), site.numericId(), query).map(Leaderboard::from);
    }
}
