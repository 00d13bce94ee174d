package app.tinylytics.gateway.upstream;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

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
import app.tinylytics.gateway.upstream.dto.SignalWriteRequestDto;
import app.tinylytics.gateway.upstream.dto.SiteDto;
import app.tinylytics.gateway.upstream.dto.SitesDto;
import app.tinylytics.gateway.upstream.dto.SubmitSignalResponseDto;
import app.tinylytics.gateway.upstream.dto.TrackEventResponseDto;
import app.tinylytics.gateway.upstream.dto.TrackHitResponseDto;
import app.tinylytics.gateway.upstream.dto.UptimeDto;
import io.smallrye.mutiny.Uni;

/**
 * The Tinylytics REST API v1 as a reactive REST client. Only {@link TinylyticsClient} uses it: that is
 * where keys, caching and error translation are applied. Query maps hold only the parameters to send,
 * so absent arguments never reach upstream.
 */
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(UpstreamExceptionMapper.class)
interface TinylyticsRestClient {

    @GET
    @Path("/me")
    Uni<MeDto> me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/sites")
    Uni<SitesDto> sites(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/sites/{id}")
    Uni<SiteDto> site(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id);

    @GET
    @Path("/sites/{id}/hits")
    Uni<HitsDto> hits(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/kudos")
    Uni<KudosDto> kudos(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/leaderboard")
    Uni<LeaderboardDto> leaderboard(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/user_journeys")
    Uni<JourneysDto> journeys(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/insights")
    Uni<InsightsDto> insights(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/signals")
    Uni<SignalsDto> signals(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/uptime")
    Uni<UptimeDto> uptime(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id,
            @RestQuery Map<String, String> query);

    @GET
    @Path("/sites/{id}/content")
    Uni<ContentDto> content(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestPath long id);

    /** Public discovery metadata: needs no key, so probing it spends no budget. */
    @GET
    @Path("/")
    Uni<String> discovery();

    // Writes answer with a RestResponse so the caller can tell 201 created from 202 ignored (and 200 updated).

    @POST
    @Path("/sites/{id}/hits")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<TrackHitResponseDto>> trackHit(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, HitWriteDto hit);

    @POST
    @Path("/sites/{id}/hits/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<BatchResponseDto>> trackHits(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, List<HitWriteDto> hits);

    @POST
    @Path("/sites/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<TrackEventResponseDto>> trackEvent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, EventWriteDto event);

    @POST
    @Path("/sites/{id}/events/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<BatchResponseDto>> trackEvents(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, List<EventWriteDto> events);

    @POST
    @Path("/sites/{id}/kudos")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GiveKudoResponseDto>> giveKudo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, KudoWriteDto kudo);

    @DELETE
    @Path("/sites/{id}/kudos/{uid}")
    Uni<RestResponse<DeleteKudoResponseDto>> deleteKudo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, @RestPath String uid);

    @POST
    @Path("/sites/{id}/signals")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<SubmitSignalResponseDto>> submitSignal(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestPath long id, SignalWriteRequestDto signal);
}
