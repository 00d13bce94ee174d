package app.tinylytics.gateway.health;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Upstream's state as metrics: {@code gateway_upstream_up} (1 or 0, from {@link UpstreamProbe}) and
 * {@code gateway_upstream_circuit_state{state}} (1 for the circuit breaker's current state, 0 for the others).
 */
@ApplicationScoped
public class UpstreamGauges {

    private final UpstreamProbe probe;
    private final MeterRegistry registry;

    UpstreamGauges(UpstreamProbe probe, MeterRegistry registry) {
        this.probe = probe;
        this.registry = registry;
    }

    void register(@Observes StartupEvent started) {
        Gauge.builder("gateway.upstream.up", probe, UpstreamGauges::upNow)
                .description("Whether Tinylytics answered the last keyless probe (1) or not (0); NaN before the first")
                .register(registry);
        for (CircuitBreakerState state : List.of(CircuitBreakerState.values())) {
            Gauge.builder("gateway.upstream.circuit.state", probe, p -> p.circuitState().equals(state.name()) ? 1 : 0)
                    .description("1 for the upstream circuit breaker's current state")
                    .tag("state", state.name().toLowerCase())
                    .register(registry);
        }
    }

    /**
     * The last verdict, and a fresh probe in the background when it is older than the probe interval: a scrape then
     * keeps the gauge current without a timer, and without upstream traffic when nobody looks.
     */
    private static double upNow(UpstreamProbe probe) {
        probe.status().subscribe().with(status -> {
        });
        return probe.lastKnown().map(status -> status.up() ? 1.0 : 0.0).orElse(Double.NaN);
    }
}
