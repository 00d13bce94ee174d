package app.tinylytics.gateway.kudos;

import java.time.Clock;
import java.time.LocalDate;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.common.AnalyticsRange;
import app.tinylytics.gateway.common.Arguments;
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.common.TimeZoneMode;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.kudos} field: kudos records (GET /sites/:id/kudos). */
@GraphQLApi
@CodedErrors
public class KudosApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final Clock clock;

    KudosApi(TinylyticsClient tinylytics, CurrentCaller caller, Clock clock) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.clock = clock;
    }

    @Description("Kudos records (GET /sites/:id/kudos).")
    public Uni<KudoConnection> kudos(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, String path, String uid, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, Endpoint.KUDOS);
        Arguments.text("path", path, TextLimit.PATH);
        Arguments.text("uid", uid, TextLimit.IDENTIFIER);
        query.with("path", path)
                .with("uid", uid)
                .withPage(page, perPage);
        return tinylytics.kudos(caller.reads(), site.numericId(), query).map(KudoConnection::from);
    }
}
