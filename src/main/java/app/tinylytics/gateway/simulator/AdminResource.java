package app.tinylytics.gateway.simulator;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * {@code POST /simulator/admin/reset}: re-seeds the demo data and clears rate limits, for demos and for
 * test suites that run against the packaged jar. Not part of the Tinylytics API; hidden with the rest of
 * the simulator when it is disabled.
 */
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
