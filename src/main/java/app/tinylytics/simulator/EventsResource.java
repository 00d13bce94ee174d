package app.tinylytics.simulator;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.properties.IfBuildProperty;

/** {@code POST /sites/:id/events} and {@code POST /sites/:id/events/batch} of the simulated API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final SimulatorGate gate;
    private final Tracker tracker;

    EventsResource(SimulatorGate gate, Tracker tracker) {
        this.gate = gate;
        this.tracker = tracker;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id, String body) {
        SiteData data = gate.writeSite(authorization, id);
        return tracker.trackEvent(data, WriteBodies.object(body)).toResponse();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> batch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id, String body) {
        SiteData data = gate.writeSite(authorization, id);
        List<WriteOutcome> outcomes = StreamSupport.stream(WriteBodies.array(body).spliterator(), false)
                .map(row -> tracker.trackEvent(data, row))
                .toList();
        return WriteOutcome.batchBody(outcomes);
    }
}
