package app.tinylytics.gateway.upstream;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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
}
