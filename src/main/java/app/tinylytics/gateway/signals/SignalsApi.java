package app.tinylytics.gateway.signals;

import java.time.Clock;
import java.time.LocalDate;

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

/** The {@code Site.signals} field: owner context signals, which need a subscription and insights switched on. */
@GraphQLApi
public class SignalsApi {

    static final int MAX_PER_PAGE = 100;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;
    private final Clock clock;

    SignalsApi(TinylyticsClient tinylytics, KeyResolver keys, Clock clock) {
        this.tinylytics = tinylytics;
        this.keys = keys;
        this.clock = clock;
    }

    @Description("Owner-submitted context signals (GET /sites/:id/signals). Subscription and insights needed.")
    public @NonNull Uni<SignalConnection> signals(@Source Site site,
            @Name("start") LocalDate start,
            @Name("end") LocalDate end,
            @Name("category") SignalCategory category,
            @Name("page") Integer page,
            @Name("perPage") Integer perPage) {
        Arguments.dateRange(start, end, LocalDate.now(clock));
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        UpstreamQuery query = UpstreamQuery.create()
                .with("start_date", start)
                .with("end_date", end)
                .with("category", SignalCategory.toUpstream(category))
                .with("page", page)
                .with("per_page", perPage);
        return tinylytics.signals(keys.readKey(), site.numericId(), query).map(SignalConnection::from);
    }
}
