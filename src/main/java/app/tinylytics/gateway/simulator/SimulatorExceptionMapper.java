package app.tinylytics.gateway.simulator;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders {@link SimulatorException}s as the JSON error answers of the Tinylytics API. */
public class SimulatorExceptionMapper {

    @ServerExceptionMapper
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
