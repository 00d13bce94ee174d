package app.tinylytics.simulator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.properties.IfBuildProperty;

/** {@code GET|POST /sites/:id/hits} and {@code POST /sites/:id/hits/batch} of the simulated API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/hits")
@Produces(MediaType.APPLICATION_JSON)
public class HitsResource {

    private final SimulatorGate gate;
    private final Tracker tracker;
    private final Clock clock;

    HitsResource(SimulatorGate gate, Tracker tracker, Clock clock) {
        this.gate = gate;
        this.tracker = tracker;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id,
            @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate,
            @QueryParam("time_zone") String timeZone,
            @QueryParam("country") String country,
            @QueryParam("path") String path,
            @QueryParam("referrer") String referrer,
            @QueryParam("grouped") String grouped,
            @QueryParam("group_by") String groupBy,
            @QueryParam("page") String page,
            @QueryParam("per_page") String perPage) {
        SiteData data = gate.readSite(authorization, id);
        boolean isGrouped = "true".equalsIgnoreCase(grouped) || "1".equals(grouped);
        ReportPeriod range = ReportPeriod.parse(startDate, endDate, timeZone, data.owner(), clock);
        HitsReport.Query query = new HitsReport.Query(range, Params.presence(country), Params.presence(path), Params.presence(referrer),
                isGrouped, isGrouped ? HitsReport.groupBy(true, groupBy) : null,
                Paging.of(page, perPage, Paging.DEFAULT_PER_PAGE, HitsReport.MAX_PER_PAGE));
        return HitsReport.answer(data, query);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id, String body) {
        SiteData data = gate.writeSite(authorization, id);
        return tracker.trackHit(data, WriteBodies.object(body)).toResponse();
    }

    /** Partial success: every row gets its own result; the request itself answers 200. */
    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> batch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id, String body) {
        SiteData data = gate.writeSite(authorization, id);
        List<WriteOutcome> outcomes = StreamSupport.stream(WriteBodies.array(body).spliterator(), false)
                .map(row -> tracker.trackHit(data, row))
                .toList();
        return WriteOutcome.batchBody(outcomes);
    }
}
