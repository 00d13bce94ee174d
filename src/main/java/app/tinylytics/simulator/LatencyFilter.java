package app.tinylytics.simulator;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;

/**
 * Holds every simulator response back for the configured artificial latency ({@code tinylytics.simulator.latency},
 * for benchmarks) on a timer, with the request suspended rather than a thread asleep, leaving other routes alone.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Provider
// Created on first use: providers are set up at static init, before run-time config exists.
@ApplicationScoped
public class LatencyFilter implements ContainerResponseFilter {

    private final Duration latency;

    LatencyFilter(SimulatorConfig config) {
        this.latency = config.latency();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (latency.isZero() || latency.isNegative() || !SimulatorRoutes.contains(request)) {
            return;
        }
        ResteasyReactiveContainerRequestContext context = (ResteasyReactiveContainerRequestContext) request;
        context.suspend();
        Uni.createFrom().voidItem().onItem().delayIt().by(latency)
                .subscribe().with(done -> context.resume(), context::resume);
    }
}
