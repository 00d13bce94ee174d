package app.tinylytics.simulator;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.properties.IfBuildProperty;

/** {@code GET|POST /sites/:id/kudos} and {@code DELETE /sites/:id/kudos/:kudo_uid} of the simulated API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/kudos")
@Produces(MediaType.APPLICATION_JSON)
public class KudosResource {

    static final int MAX_PER_PAGE = 1000;

    private final SimulatorGate gate;
    private final Tracker tracker;
    private final Clock clock;

    KudosResource(SimulatorGate gate, Tracker tracker, Clock clock) {
        this.gate = gate;
        this.tracker = tracker;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> kudos(@BeanParam SiteParams site, @BeanParam PeriodParams period, @BeanParam PageParams page,
            @QueryParam("path") String path, @QueryParam("uid") String uid) {
        SiteData data = gate.readSite(site);
        ReportPeriod range = period.resolve(data.owner(), clock);
        String pathFilter = Params.presence(path);
        String uidFilter = Params.presence(uid);
        Paging paging = page.paging(MAX_PER_PAGE);
        List<KudoRow> kudos = data.kudos().stream()
                .filter(k -> range.contains(k.createdAt()))
                .filter(k -> pathFilter == null || pathFilter.equals(k.path()))
                .filter(k -> uidFilter == null || uidFilter.equals(k.uid()))
                .sorted(Comparator.comparing(KudoRow::createdAt).thenComparing(KudoRow::id).reversed())
                .toList();
        return Json.object(
                "kudos", paging.slice(kudos).stream().map(KudoRow::toJson).toList(),
                "pagination", paging.toJson(kudos.size()),
                "filters", range.filters("path", pathFilter, "uid", uidFilter));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response give(@BeanParam SiteParams site, String body) {
        SiteData data = gate.writeSite(site);
        return tracker.giveKudo(data, WriteBodies.object(body)).toResponse();
    }

    @DELETE
    @Path("/{uid}")
    public Map<String, Object> delete(@BeanParam SiteParams site, @PathParam("uid") String uid) {
        SiteData data = gate.writeSite(site);
        if (!data.deleteKudo(uid)) {
            throw SimulatorException.notFound("Kudo not found");
        }
        return Json.object("status", "deleted", "uid", uid);
    }
}
