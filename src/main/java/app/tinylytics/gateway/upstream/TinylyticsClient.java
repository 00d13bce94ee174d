package app.tinylytics.gateway.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.upstream.cache.ReadKey;
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
 * The gateway's view of the Tinylytics API: one method per endpoint, each going through {@link UpstreamAccess}, which
 * caches reads and answers null where the endpoint's rule says the answer means "absent" (an unknown site, uptime
 * not enabled, content monitoring off). Failures leave as {@link UpstreamFailure}.
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

    public Uni<MeDto> me(UpstreamAuth auth) {
        return upstream.read(auth, Endpoint.ME, ReadKey.NO_SITE, NO_QUERY, MeDto.class, rest::me);
    }

    public Uni<List<SiteDto>> sites(UpstreamAuth auth) {
        return upstream.read(auth, Endpoint.SITES, ReadKey.NO_SITE, NO_QUERY, SitesDto.class, rest::sites)
                .map(sites -> Objects.requireNonNullElse(sites.sites(), List.of()));
    }

    /**
     * The site, or null when it does not exist for this key. Taken from the cached site list when that is fresh and
     * holds it (the same record upstream would send), which saves one upstream read per site of a dashboard.
     */
    public Uni<SiteDto> site(UpstreamAuth auth, long siteId) {
        return upstream.cachedOnly(auth, Endpoint.SITES, ReadKey.NO_SITE, NO_QUERY, SitesDto.class, rest::sites)
                .map(list -> list == null ? null : Objects.requireNonNullElse(list.sites(), List.<SiteDto>of()).stream()
                        .filter(site -> site.id() == siteId).findFirst().orElse(null))
                .chain(listed -> listed != null ? Uni.createFrom().item(listed)
                        : upstream.read(auth, Endpoint.SITE, siteId, NO_QUERY, SiteDto.class, header -> rest.site(header, siteId)));
    }

    /**
     * The site as the key's site list shows it, the list read through the cache: a live subscription watches that one
     * read for all of a key's sites instead of one read per site. The site's own read when the list does not hold it
     * (null when it does not exist).
     */
    public Uni<SiteDto> listedSite(UpstreamAuth auth, long siteId) {
        return sites(auth)
                .map(list -> list.stream().filter(site -> site.id() == siteId).findFirst().orElse(null))
                .chain(listed -> listed != null ? Uni.createFrom().item(listed) : site(auth, siteId));
    }

    public Uni<HitsDto> hits(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.HITS, siteId, query, HitsDto.class, rest::hits);
    }

    public Uni<KudosDto> kudos(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.KUDOS, siteId, query, KudosDto.class, rest::kudos);
    }

    public Uni<LeaderboardDto> leaderboard(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.LEADERBOARD, siteId, query, LeaderboardDto.class, rest::leaderboard);
    }

    public Uni<JourneysDto> journeys(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.JOURNEYS, siteId, query, JourneysDto.class, rest::journeys);
    }

    public Uni<InsightsDto> insights(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.INSIGHTS, siteId, query, InsightsDto.class, rest::insights);
    }

    public Uni<SignalsDto> signals(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.SIGNALS, siteId, query, SignalsDto.class, rest::signals);
    }

    /** The uptime report, or null when uptime monitoring is not enabled for the site. */
    public Uni<UptimeDto> uptime(UpstreamAuth auth, long siteId, UpstreamQuery query) {
        return siteRead(auth, Endpoint.UPTIME, siteId, query, UptimeDto.class, rest::uptime);
    }

    /** The content report, or null when content monitoring is disabled for the site. */
    public Uni<ContentDto> content(UpstreamAuth auth, long siteId) {
        return upstream.read(auth, Endpoint.CONTENT, siteId, NO_QUERY, ContentDto.class, header -> rest.content(header, siteId));
    }

    /**
     * Whether upstream answers its keyless discovery endpoint, within {@code timeout}: for the upstream health check,
     * so probing costs no key's budget. Not cached, not counted.
     */
    public Uni<Void> probe(Duration timeout) {
        return rest.discovery().ifNoItem().after(timeout).fail().replaceWithVoid();
    }

    // ---------------------------------------------------------------- writes
    // Sent once: a write that timed out may have been recorded, and sending it again would count it twice.

    public Uni<Written<TrackHitResponseDto>> trackHit(UpstreamAuth auth, long siteId, HitWriteDto hit) {
        return siteWrite(auth, Endpoint.TRACK_HIT, siteId, hit, rest::trackHit).map(Written::of);
    }

    /** One upstream batch request; splitting large batches is the caller's business. */
    public Uni<BatchResponseDto> trackHits(UpstreamAuth auth, long siteId, List<HitWriteDto> hits) {
        return siteWrite(auth, Endpoint.TRACK_HITS, siteId, hits, rest::trackHits)
                .map(answer -> batchAnswer(Endpoint.TRACK_HITS, answer));
    }

    public Uni<Written<TrackEventResponseDto>> trackEvent(UpstreamAuth auth, long siteId, EventWriteDto event) {
        return siteWrite(auth, Endpoint.TRACK_EVENT, siteId, event, rest::trackEvent).map(Written::of);
    }

    /** One upstream batch request; splitting large batches is the caller's business. */
    public Uni<BatchResponseDto> trackEvents(UpstreamAuth auth, long siteId, List<EventWriteDto> events) {
        return siteWrite(auth, Endpoint.TRACK_EVENTS, siteId, events, rest::trackEvents)
                .map(answer -> batchAnswer(Endpoint.TRACK_EVENTS, answer));
    }

    public Uni<Written<GiveKudoResponseDto>> giveKudo(UpstreamAuth auth, long siteId, KudoWriteDto kudo) {
        return siteWrite(auth, Endpoint.GIVE_KUDO, siteId, kudo, rest::giveKudo).map(Written::of);
    }

    /** Deletes the kudo; an unknown uid fails with a 404. */
    public Uni<DeleteKudoResponseDto> deleteKudo(UpstreamAuth auth, long siteId, String uid) {
        return siteWrite(auth, Endpoint.DELETE_KUDO, siteId, uid, rest::deleteKudo).map(RestResponse::getEntity);
    }

    /** Creates the signal (201) or, for a reused external id, updates it (200). */
    public Uni<Written<SubmitSignalResponseDto>> submitSignal(UpstreamAuth auth, long siteId, SignalWriteDto signal) {
        SignalWriteRequestDto body = new SignalWriteRequestDto(signal);
        return siteWrite(auth, Endpoint.SUBMIT_SIGNAL, siteId, body, rest::submitSignal).map(Written::of);
    }

    /**
     * A batch's row-by-row answer. A success with no body says nothing of any row, so every row's outcome is
     * unknown: an unreadable answer, which the batch reports row by row as "check before resending".
     */
    private static BatchResponseDto batchAnswer(Endpoint endpoint, RestResponse<BatchResponseDto> answer) {
        if (answer.getEntity() == null) {
            throw UpstreamFailure.unreadable(endpoint, "HTTP " + answer.getStatus() + " with no body");
        }
        return answer.getEntity();
    }

    /** Drops the cached reads a successful write to the site changed; never fails. */
    public Uni<Void> written(Endpoint write, long siteId) {
        return upstream.written(write, siteId);
    }

    // ---------------------------------------------------------------- one site's endpoints

    /**
     * A {@link TinylyticsRestClient} method of a {@code /sites/:id/...} endpoint: the {@code Authorization} header,
     * the site id and the one thing it sends, a read's query parameters or a write's body (or kudo uid).
     */
    @FunctionalInterface
    private interface SiteCall<P, T> {
        Uni<T> send(String authorization, long siteId, P sent);
    }

    /** A cached read of one site's endpoint through {@link UpstreamAccess#read}, sending exactly the query's parameters. */
    private <T> Uni<T> siteRead(UpstreamAuth auth, Endpoint endpoint, long siteId, UpstreamQuery query, Class<T> type,
            SiteCall<Map<String, String>, T> call) {
        return upstream.read(auth, endpoint, siteId, query, type, header -> call.send(header, siteId, query.asMap()));
    }

    /** A write to one site's endpoint through {@link UpstreamAccess#write}: sent once, never cached. */
    private <B, T> Uni<RestResponse<T>> siteWrite(UpstreamAuth auth, Endpoint endpoint, long siteId, B body,
            SiteCall<B, RestResponse<T>> call) {
        return upstream.write(auth, endpoint, header -> call.send(header, siteId, body));
    }
}
