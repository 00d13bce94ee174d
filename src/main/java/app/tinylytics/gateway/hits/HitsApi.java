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
import app.tinylytics.gateway.common.TimeZoneMode;
import app.tinylytics.gateway.sites.Site;
import app.tinylytics.gateway.upstream.KeyResolver;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamQuery;

/** The {@code Site.hits} and {@code Site.hitGroups} fields: raw and grouped page views (GET /sites/:id/hits). */
@GraphQLApi
public class HitsApi {

    /** Largest page upstream serves for hits. */
    static final int MAX_PER_PAGE = 1000;

    private final TinylyticsClient tinylytics;
    private final KeyResolver keys;
    private final Clock clock;

    HitsApi(TinylyticsClient tinylytics, KeyResolver keys, Clock clock) {
        this.tinylytics = tinylytics;
        this.keys = keys;
        this.clock = clock;
    }

    @Description("Raw hits (GET /sites/:id/hits). Range defaults: the last 30 days up to today.")
    public @NonNull Uni<HitConnection> hits(@Source Site site, LocalDate start, LocalDate end,
            @DefaultValue("UTC") TimeZoneMode timeZone, String country, String path, String referrer, Integer page,
            Integer perPage) {
        UpstreamQuery query = filters(start, end, timeZone, country, path, referrer, page, perPage);
        return tinylytics.hits(keys.readKey(), site.numericId(), query).map(HitConnection::from);
    }

    @Description("Grouped hits (GET /sites/:id/hits?grouped=true&group_by=...).")
    public @NonNull Uni<HitGroupConnection> hitGroups(@Source Site site, @NonNull HitGroupBy groupBy, LocalDate start,
            LocalDate end, @DefaultValue("UTC") TimeZoneMode timeZone, String country, String path, String referrer,
            Integer page, Integer perPage) {
        UpstreamQuery query = filters(start, end, timeZone, country, path, referrer, page, perPage)
                .with("grouped", true)
                .with("group_by", groupBy.queryValue());
        return tinylytics.hits(keys.readKey(), site.numericId(), query)
                .map(hits -> HitGroupConnection.from(hits, groupBy));
    }

    /** The arguments raw and grouped hits share, validated before anything is sent. */
    private UpstreamQuery filters(LocalDate start, LocalDate end, TimeZoneMode timeZone, String country, String path,
            String referrer, Integer page, Integer perPage) {
        UpstreamQuery query = AnalyticsRange.query(start, end, timeZone, clock);
        Arguments.paging(page, perPage, MAX_PER_PAGE);
        Arguments.country("country", country);
        return query
                .with("country", country)
                .with("path", path)
                .with("referrer", referrer)
                .with("page", page)
                .with("per_page", perPage);
    }
}
