package app.tinylytics.simulator;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code POST /sites/:id/events} and {@code POST /sites/:id/events/batch} of the simulated API: served by
 * {@link TrackingResource} with {@link Tracker#trackEvent}.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/api/v1/sites/{id}/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource extends TrackingResource {

    EventsResource(SimulatorGate gate, Tracker tracker) {
        super(gate, tracker::trackEvent);
    }
}
