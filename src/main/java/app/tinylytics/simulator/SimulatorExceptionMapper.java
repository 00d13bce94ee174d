package app.tinylytics.simulator;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.properties.IfBuildProperty;

/** Renders {@link SimulatorException}s as the JSON error answers of the Tinylytics API. */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
// A JAX-RS provider, not @ServerExceptionMapper: a build without the simulator then does not register it at all.
@Provider
public class SimulatorExceptionMapper implements ExceptionMapper<SimulatorException> {

    @Override
    public Response toResponse(SimulatorException exception) {
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(exception.body());
        if (exception.retryAfterSeconds() != null) {
            response.header("Retry-After", exception.retryAfterSeconds());
        }
        return response.build();
    }
}
