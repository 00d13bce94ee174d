package app.tinylytics.gateway.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.FeatureDisabledException;
import app.tinylytics.gateway.error.NotFoundException;
import app.tinylytics.gateway.upstream.dto.ContentDto;
import app.tinylytics.gateway.upstream.dto.HitsDto;
import app.tinylytics.gateway.upstream.dto.InsightsDto;
import app.tinylytics.gateway.upstream.dto.JourneysDto;
import app.tinylytics.gateway.upstream.dto.KudosDto;
import app.tinylytics.gateway.upstream.dto.LeaderboardDto;
import app.tinylytics.gateway.upstream.dto.MeDto;
import app.tinylytics.gateway.upstream.dto.SignalsDto;
import app.tinylytics.gateway.upstream.dto.SiteDto;
import app.tinylytics.gateway.upstream.dto.SitesDto;
import app.tinylytics.gateway.upstream.dto.UptimeDto;

/**
 * The gateway's view of the Tinylytics API: one method per endpoint, each going through
 * {@link UpstreamAccess}. Answers that the schema treats as "absent" rather than as errors
 * (an unknown site, uptime not enabled, content monitoring disabled) come back as {@code null}.
 */
@ApplicationScoped
public class TinylyticsClient {

    private final TinylyticsRestClient rest;
    private final UpstreamAccess upstream;

    TinylyticsClient(TinylyticsRestClient rest, UpstreamAccess upstream) {
        this.rest = rest;
        this.upstream = upstream;
    }

    public Uni<MeDto> me(ApiKey key) {
        return upstream.call(Endpoint.ME, key, rest::me);
    }

    public Uni<List<SiteDto>> sites(ApiKey key) {
        return upstream.call(Endpoint.SITES, key, rest::sites).map(sites -> listOrEmpty(sites.sites()));
    }

    /** The site, or null when it does not exist for this key. */
    public Uni<SiteDto> site(ApiKey key, long siteId) {
        return upstream.call(Endpoint.SITE, key, auth -> rest.site(auth, siteId))
                .onFailure(NotFoundException.class).recoverWithNull();
    }

    public Uni<HitsDto> hits(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.HITS, key, auth -> rest.hits(auth, siteId, query.asMap()));
    }

    public Uni<KudosDto> kudos(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.KUDOS, key, auth -> rest.kudos(auth, siteId, query.asMap()));
    }

    public Uni<LeaderboardDto> leaderboard(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.LEADERBOARD, key, auth -> rest.leaderboard(auth, siteId, query.asMap()));
    }

    public Uni<JourneysDto> journeys(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.JOURNEYS, key, auth -> rest.journeys(auth, siteId, query.asMap()));
    }

    public Uni<InsightsDto> insights(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.INSIGHTS, key, auth -> rest.insights(auth, siteId, query.asMap()));
    }

    public Uni<SignalsDto> signals(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.SIGNALS, key, auth -> rest.signals(auth, siteId, query.asMap()));
    }

    /** The uptime report, or null when uptime monitoring is not enabled for the site (upstream 404). */
    public Uni<UptimeDto> uptime(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.call(Endpoint.UPTIME, key, auth -> rest.uptime(auth, siteId, query.asMap()))
                .onFailure(NotFoundException.class).recoverWithNull();
    }

    /** The content report, or null when content monitoring is disabled for the site (upstream 403 saying so). */
    public Uni<ContentDto> content(ApiKey key, long siteId) {
        return upstream.call(Endpoint.CONTENT, key, auth -> rest.content(auth, siteId))
                .onFailure(FeatureDisabledException.class).recoverWithNull();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
