package app.tinylytics.simulator;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What every {@code /sites/:id/...} endpoint of the simulated API reads first: the caller's {@code Authorization}
 * header and the site id of the path. Taken as a {@code @BeanParam} and handed whole to {@link SimulatorGate}.
 */
public class SiteParams {

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @PathParam("id")
    String id;
}
