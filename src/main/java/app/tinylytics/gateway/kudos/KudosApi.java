package app.tinylytics.gateway.kudos;

import java.time.Clock;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.AnalyticsRange;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TimeZoneMode;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.kudos} field: kudos records (GET /sites/:id/kudos). */
@GraphQLApi
public class KudosApi {

    /** Largest page upstream serves for kudos. */
    static final int MAX_PER_PAGE = 1000;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;
    private final Clock clock;

    KudosApi(TinylyticsClient tinylytics, KeyResolver keys, Clock clock) {
        this.tinylytics = tinylytics;
        this.keys = keys;
        this.clock = clock;
    }

    @Description("Kudos records (GET /sites/:id/kudos).")
    public @NonNull Uni<KudoConnection> kudos(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, String path, String uid, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        query.with("path", path)
                .with("uid", uid)
                .with("page", page)
                .with("per_page", perPage);
        return tinylytics.kudos(keys.readKey(), site.numericId(), query).map(KudoConnection::from);
    }
}
