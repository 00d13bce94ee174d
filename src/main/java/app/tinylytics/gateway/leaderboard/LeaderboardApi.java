package app.tinylytics.gateway.leaderboard;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.leaderboard} field: the all-time path ranking (GET /sites/:id/leaderboard). */
@GraphQLApi
public class LeaderboardApi {

    /** Largest page upstream serves for the leaderboard. */
    static final int MAX_PER_PAGE = 1000;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;

    LeaderboardApi(TinylyticsClient tinylytics, KeyResolver keys) {
        this.tinylytics = tinylytics;
        this.keys = keys;
    }

    @Description("All-time path ranking (GET /sites/:id/leaderboard), cached until its expiresAt.")
    public @NonNull Uni<Leaderboard> leaderboard(@Source Site site, String path, Integer page, Integer perPage) {
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        UpstreamQuery query = UpstreamQuery.create()
                .with("path", path)
                .with("page", page)
                .with("per_page", perPage);
        return tinylytics.leaderboard(keys.readKey(), site.numericId(), query).map(Leaderboard::from);
    }
}
