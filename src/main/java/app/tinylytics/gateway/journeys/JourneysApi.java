package app.tinylytics.gateway.journeys;

import java.time.Clock;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.AnalyticsRange;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TimeZoneMode;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.journeys} field: visitor journey analysis (GET /sites/:id/user_journeys). */
@GraphQLApi
@CodedErrors
public class JourneysApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final Clock clock;

    JourneysApi(TinylyticsClient tinylytics, CurrentCaller caller, Clock clock) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.clock = clock;
    }

    @Description("Visitor journeys (GET /sites/:id/user_journeys).")
    public Uni<JourneyReport> journeys(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, Endpoint.JOURNEYS);
        query.withPage(page, perPage);
        return tinylytics.journeys(caller.reads(), site.numericId(), query).map(JourneyReport::from);
    }
}
