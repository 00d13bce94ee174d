package app.tinylytics.simulator;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Answers a configured share of simulator requests ({@code tinylytics.simulator.fault-rate}) with 503 before
 * anything is processed, leaving other routes alone: an unreliable upstream for the soak test.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Provider
// Created on first use: providers are set up at static init, before run-time config exists.
@ApplicationScoped
@PreMatching
public class InjectedFaultFilter implements ContainerRequestFilter {

    private final double faultRate;

    InjectedFaultFilter(SimulatorConfig config) {
        this.faultRate = config.faultRate();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (faultRate > 0 && SimulatorRoutes.contains(request) && ThreadLocalRandom.current().nextDouble() < faultRate) {
            request.abortWith(Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Json.error("Service temporarily unavailable (injected fault)")).build());
        }
    }
}
