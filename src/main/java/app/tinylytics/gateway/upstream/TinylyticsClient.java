package app.tinylytics.gateway.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.FeatureDisabledException;
import app.tinylytics.gateway.error.NotFoundException;
import app.tinylytics.gateway.upstream.cache.CacheKey;
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
 * {@link UpstreamAccess}, which caches reads. Answers that the schema treats as "absent" rather than as errors
 * (an unknown site, uptime not enabled, content monitoring disabled) come back as {@code null}.
 */
@ApplicationScoped
public class TinylyticsClient {

    private static final UpstreamQuery NO_QUERY = UpstreamQuery.create();

    private final TinylyticsRestClient rest;
    private final UpstreamAccess upstream;

    TinylyticsClient(TinylyticsRestClient rest, UpstreamAccess upstream) {
        this.rest = rest;
        this.upstream = upstream;
    }

    public Uni<MeDto> me(ApiKey key) {
        return upstream.read(Endpoint.ME, key, CacheKey.NO_SITE, NO_QUERY, MeDto.class, rest::me);
    }

    public Uni<List<SiteDto>> sites(ApiKey key) {
        return upstream.read(Endpoint.SITES, key, CacheKey.NO_SITE, NO_QUERY, SitesDto.class, rest::sites).map(sites -> listOrEmpty(sites.sites()));
    }

    /** The site, or null when it does not exist for this key. */
    public Uni<SiteDto> site(ApiKey key, long siteId) {
        return upstream.read(Endpoint.SITE, key, siteId, NO_QUERY, SiteDto.class, auth -> rest.site(auth, siteId))
                .onFailure(NotFoundException.class).recoverWithNull();
    }

    public Uni<HitsDto> hits(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.HITS, key, siteId, query, HitsDto.class,
                auth -> rest.hits(auth, siteId, query.asMap()));
    }

    public Uni<KudosDto> kudos(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.KUDOS, key, siteId, query, KudosDto.class,
                auth -> rest.kudos(auth, siteId, query.asMap()));
    }

    public Uni<LeaderboardDto> leaderboard(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.LEADERBOARD, key, siteId, query, LeaderboardDto.class,
                auth -> rest.leaderboard(auth, siteId, query.asMap()));
    }

    public Uni<JourneysDto> journeys(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.JOURNEYS, key, siteId, query, JourneysDto.class,
                auth -> rest.journeys(auth, siteId, query.asMap()));
    }

    public Uni<InsightsDto> insights(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.INSIGHTS, key, siteId, query, InsightsDto.class,
                auth -> rest.insights(auth, siteId, query.asMap()));
    }

    public Uni<SignalsDto> signals(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.SIGNALS, key, siteId, query, SignalsDto.class,
                auth -> rest.signals(auth, siteId, query.asMap()));
    }

    /** The uptime report, or null when uptime monitoring is not enabled for the site (upstream 404). */
    public Uni<UptimeDto> uptime(ApiKey key, long siteId, UpstreamQuery query) {
        return upstream.read(Endpoint.UPTIME, key, siteId, query, UptimeDto.class,
                auth -> rest.uptime(auth, siteId, query.asMap()))
                .onFailure(NotFoundException.class).recoverWithNull();
    }

    /** The content report, or null when content monitoring is disabled for the site (upstream 403 saying so). */
    public Uni<ContentDto> content(ApiKey key, long siteId) {
        return upstream.read(Endpoint.CONTENT, key, siteId, NO_QUERY, ContentDto.class, auth -> rest.content(auth, siteId))
                .onFailure(FeatureDisabledException.class).recoverWithNull();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
