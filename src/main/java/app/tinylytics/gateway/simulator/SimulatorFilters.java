package app.tinylytics.gateway.simulator;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.tinylytics.gateway.config.TinylyticsConfig;
import io.smallrye.mutiny.Uni;

/**
 * Hides the whole simulator (404) unless {@code tinylytics.simulator.enabled}, and adds the configured
 * artificial latency to its responses on a timer rather than a sleeping thread.
 */
public class SimulatorFilters {

    static final String PREFIX = "/simulator/";

    private final boolean enabled;
    private final Duration latency;

    SimulatorFilters(TinylyticsConfig config) {
        this.enabled = config.simulator().enabled();
        this.latency = config.simulator().latency();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> hideWhenDisabled(ContainerRequestContext request) {
        if (enabled || !isSimulator(request)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.error("Not found")).build());
    }

    @ServerResponseFilter
    public Uni<Void> delay(ContainerRequestContext request) {
        if (!enabled || latency.isZero() || latency.isNegative() || !isSimulator(request)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(latency);
    }

    private static boolean isSimulator(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        return path.startsWith(PREFIX) || path.equals("/simulator");
    }
}
