package app.tinylytics.gateway.journeys;

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

/** The {@code Site.journeys} field: visitor journey analysis (GET /sites/:id/user_journeys). */
@GraphQLApi
public class JourneysApi {

    /** Largest page upstream serves for journeys. */
    static final int MAX_PER_PAGE = 50;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;
    private final Clock clock;

    JourneysApi(TinylyticsClient tinylytics, KeyResolver keys, Clock clock) {
        this.tinylytics = tinylytics;
        this.keys = keys;
        this.clock = clock;
    }

    @Description("Visitor journeys (GET /sites/:id/user_journeys).")
    public @NonNull Uni<JourneyReport> journeys(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        query.with("page", page).with("per_page", perPage);
        return tinylytics.journeys(keys.readKey(), site.numericId(), query).map(JourneyReport::from);
    }
}
