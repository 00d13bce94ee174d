package app.tinylytics.gateway.signals;

import java.time.Clock;
import java.time.LocalDate;

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

/** The {@code Site.signals} field: owner context signals, which need a subscription and insights switched on. */
@GraphQLApi
@CodedErrors
public class SignalsApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final Clock clock;

    SignalsApi(TinylyticsClient tinylytics, CurrentCaller caller, Clock clock) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.clock = clock;
    }

    @Description("Owner-submitted context signals (GET /sites/:id/signals). Subscription and insights needed.")
    public Uni<SignalConnection> signals(@Source Site site, LocalDate start, LocalDate end, SignalCategory category,
            Integer page, Integer perPage) {
        // Upstream reads signal dates in UTC; it has no time_zone parameter for them.
        UpstreamQuery query = AnalyticsRange.query(start, end, TimeZoneMode.UTC, clock);
        Arguments.paging(page, perPage, Endpoint.SIGNALS);
        query.with("category", SignalCategory.toUpstream(category))
                .withPage(page, perPage);
        return tinylytics.signals(caller.reads(), site.numericId(), query).map(SignalConnection::from);
    }
}
