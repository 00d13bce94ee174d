package app.tinylytics.gateway.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.tinylytics.gateway.config.TinylyticsConfig;
import io.smallrye.mutiny.Uni;

/**
 * Hides the whole simulator (404) unless {@code tinylytics.simulator.enabled}, and adds the configured
 * artificial latency to its responses on a timer rather than a sleeping thread, and fails a configured
 * share of requests with 503 for soak tests.
 */
public class SimulatorFilters {

    static final String PREFIX = "/simulator/";

    private final boolean enabled;
    private final Duration latency;
    private final double faultRate;

    SimulatorFilters(TinylyticsConfig config) {
        this.enabled = config.simulator().enabled();
        this.latency = config.simulator().latency();
        this.faultRate = config.simulator().faultRate();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> hideWhenDisabled(ContainerRequestContext request) {
        if (enabled || !isSimulator(request)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(Json.error("Not found")).build());
    }

    /** Injected faults ({@code tinylytics.simulator.fault-rate}): a 503 before anything is processed. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> failSome(ContainerRequestContext request) {
        if (!enabled || faultRate <= 0 || !isSimulator(request) || ThreadLocalRandom.current().nextDouble() >= faultRate) {
            return Optional.empty();
        }
        return Optional.of(Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.error("Service temporarily unavailable (injected fault)")).build());
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
