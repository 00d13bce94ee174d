package app.tinylytics.simulator;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * {@code POST /simulator/admin/reset}: re-seeds the demo data and clears rate limits, for demos and for
 * test suites that run against a separate simulator process. Not part of the Tinylytics API; like every
 * simulator route, only in builds that include the simulator.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Path("/simulator/admin")
public class AdminResource {

    private final SimulatorStore store;

    AdminResource(SimulatorStore store) {
        this.store = store;
    }

    @POST
    @Path("/reset")
    public void reset() {
        store.reset();
    }
}
