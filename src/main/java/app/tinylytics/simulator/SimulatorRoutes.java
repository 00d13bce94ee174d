package app.tinylytics.simulator;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Tells the simulator's routes ({@code /simulator/...}) from the rest of the application's in the filters. */
final class SimulatorRoutes {

    static final String PREFIX = "/simulator/";

    private SimulatorRoutes() {
    }

    static boolean contains(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        return path.startsWith(PREFIX) || path.equals("/simulator");
    }
}
