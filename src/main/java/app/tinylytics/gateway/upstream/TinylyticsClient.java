package app.tinylytics.gateway.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.error.FeatureDisabledException;
import app.tinylytics.gateway.error.NotFoundException;
import app.tinylytics.gateway.upstream.cache.CacheKey;
import app.tinylytics.gateway.upstream.dto.BatchResponseDto;
import app.tinylytics.gateway.upstream.dto.ContentDto;
import app.tinylytics.gateway.upstream.dto.DeleteKudoResponseDto;
import app.tinylytics.gateway.upstream.dto.EventWriteDto;
import app.tinylytics.gateway.upstream.dto.GiveKudoResponseDto;
import app.tinylytics.gateway.upstream.dto.HitWriteDto;
import app.tinylytics.gateway.upstream.dto.HitsDto;
import app.tinylytics.gateway.upstream.dto.InsightsDto;
import app.tinylytics.gateway.upstream.dto.JourneysDto;
import app.tinylytics.gateway.upstream.dto.KudoWriteDto;
import app.tinylytics.gateway.upstream.dto.KudosDto;
import app.tinylytics.gateway.upstream.dto.LeaderboardDto;
import app.tinylytics.gateway.upstream.dto.MeDto;
import app.tinylytics.gateway.upstream.dto.SignalsDto;
import app.tinylytics.gateway.upstream.dto.SignalWriteDto;
import app.tinylytics.gateway.upstream.dto.SignalWriteRequestDto;
import app.tinylytics.gateway.upstream.dto.SiteDto;
import app.tinylytics.gateway.upstream.dto.SitesDto;
import app.tinylytics.gateway.upstream.dto.SubmitSignalResponseDto;
import app.tinylytics.gateway.upstream.dto.TrackEventResponseDto;
import app.tinylytics.gateway.upstream.dto.TrackHitResponseDto;
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

    /**
     * Whether upstream answers its keyless discovery endpoint: for readiness, so probing costs no
     * key's budget. Not cached, not counted.
     */
    public Uni<Void> probe(java.time.Duration timeout) {
        return rest.discovery().ifNoItem().after(timeout).fail().replaceWithVoid();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    // ---------------------------------------------------------------- writes
    // Never retried here: a write that timed out may have been recorded, and sending it again would count it twice.

    public Uni<Written<TrackHitResponseDto>> trackHit(ApiKey key, long siteId, HitWriteDto hit) {
        return upstream.call(Endpoint.TRACK_HIT, key, auth -> rest.trackHit(auth, siteId, hit)).map(Written::of);
    }

    /** One upstream batch request; splitting large batches is the caller's business. */
    public Uni<BatchResponseDto> trackHits(ApiKey key, long siteId, List<HitWriteDto> hits) {
        return upstream.call(Endpoint.TRACK_HITS, key, auth -> rest.trackHits(auth, siteId, hits)).map(RestResponse::getEntity);
    }

    public Uni<Written<TrackEventResponseDto>> trackEvent(ApiKey key, long siteId, EventWriteDto event) {
        return upstream.call(Endpoint.TRACK_EVENT, key, auth -> rest.trackEvent(auth, siteId, event)).map(Written::of);
    }

    /** One upstream batch request; splitting large batches is the caller's business. */
    public Uni<BatchResponseDto> trackEvents(ApiKey key, long siteId, List<EventWriteDto> events) {
        return upstream.call(Endpoint.TRACK_EVENTS, key, auth -> rest.trackEvents(auth, siteId, events))
                .map(RestResponse::getEntity);
    }

    public Uni<Written<GiveKudoResponseDto>> giveKudo(ApiKey key, long siteId, KudoWriteDto kudo) {
        return upstream.call(Endpoint.GIVE_KUDO, key, auth -> rest.giveKudo(auth, siteId, kudo)).map(Written::of);
    }

    /** Deletes the kudo; an unknown uid fails with {@code NOT_FOUND}. */
    public Uni<DeleteKudoResponseDto> deleteKudo(ApiKey key, long siteId, String uid) {
        return upstream.call(Endpoint.DELETE_KUDO, key, auth -> rest.deleteKudo(auth, siteId, uid))
                .map(RestResponse::getEntity);
    }

    /** Creates the signal (201) or, for a reused external id, updates it (200). */
    public Uni<Written<SubmitSignalResponseDto>> submitSignal(ApiKey key, long siteId, SignalWriteDto signal) {
        SignalWriteRequestDto body = new SignalWriteRequestDto(signal);
        return upstream.call(Endpoint.SUBMIT_SIGNAL, key, auth -> rest.submitSignal(auth, siteId, body)).map(Written::of);
    }
}
