package app.tinylytics.simulator;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The write half that {@code /sites/:id/hits} and {@code /sites/:id/events} share: {@code POST} tracks one row and
 * {@code POST /batch} many, each row on its own with the {@link Tracker} rule the subclass names. A batch is a
 * partial success: the request answers 200 with one result per row.
 */
public abstract class TrackingResource {

    protected final SimulatorGate gate;
    private final BiFunction<SiteData, JsonNode, WriteOutcome> track;

    TrackingResource(SimulatorGate gate, BiFunction<SiteData, JsonNode, WriteOutcome> track) {
        this.gate = gate;
        this.track = track;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@BeanParam SiteParams site, String body) {
        SiteData data = gate.writeSite(site);
        return track.apply(data, WriteBodies.object(body)).toResponse();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> batch(@BeanParam SiteParams site, String body) {
        SiteData data = gate.writeSite(site);
        List<WriteOutcome> outcomes = StreamSupport.stream(WriteBodies.array(body).spliterator(), false)
                .map(row -> track.apply(data, row))
                .toList();
        return WriteOutcome.batchBody(outcomes);
    }
}
