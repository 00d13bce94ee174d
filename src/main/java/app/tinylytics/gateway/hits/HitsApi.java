package app.tinylytics.gateway.hits;

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
import app.tinylytics.gateway.common.TextLimit;
import app.tinylytics.gateway.common.TimeZoneMode;
import app.tinylytics.gateway.error.CodedErrors;
import app.tinylytics.gateway.security.CurrentCaller;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.hits} and {@code Site.hitGroups} fields: raw and grouped page views (GET /sites/:id/hits). */
@GraphQLApi
@CodedErrors
public class HitsApi {

    private final TinylyticsClient tinylytics;
    private final CurrentCaller caller;
    private final Clock clock;

    HitsApi(TinylyticsClient tinylytics, CurrentCaller caller, Clock clock) {
        this.tinylytics = tinylytics;
        this.caller = caller;
        this.clock = clock;
    }

    @Description("Raw hits (GET /sites/:id/hits). Range defaults: the last 30 days up to today.")
    public Uni<HitConnection> hits(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, String country, String path, String referrer, Integer page,
            Integer perPage) {
        UpstreamQuery query = filters(start, end, timeZone, country, path, referrer, page, perPage);
        return tinylytics.hits(caller.reads(), site.numericId(), query).map(HitConnection::from);
    }

    @Description("Grouped hits (GET /sites/:id/hits?grouped=true&group_by=...).")
    public Uni<HitGroupConnection> hitGroups(@Source Site site, @NonNull HitGroupBy groupBy, LocalDate start,
            LocalDate end, @DefaultValue("UTC") TimeZoneMode timeZone, String country, String path, String referrer,
            Integer page, Integer perPage) {
        UpstreamQuery query = filters(start, end, timeZone, country, path, referrer, page, perPage)
                .with("grouped", true)
                .with("group_by", groupBy.queryValue());
        return tinylytics.hits(caller.reads(), site.numericId(), query)
                .map(hits -> HitGroupConnection.from(hits, groupBy));
    }

    /** The arguments raw and grouped hits share, validated before anything is sent. */
    private UpstreamQuery filters(LocalDate start, LocalDate end, TimeZoneMode timeZone, String country, String path,
            String referrer, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, Endpoint.HITS);
        Arguments.country("country", country);
        Arguments.text("path", path, TextLimit.PATH);
        Arguments.text("referrer", referrer, TextLimit.REFERRER);
        return query
                .with("country", country)
                .with("path", path)
                .with("referrer", referrer)
                .withPage(page, perPage);
    }
}
