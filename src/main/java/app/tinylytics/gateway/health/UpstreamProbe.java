package app.tinylytics.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamGuards;

/**
 * Asks Tinylytics' keyless discovery endpoint ({@code GET /}) whether upstream answers, through the upstream circuit
 * breaker, and remembers the verdict for {@code gateway.health.probe-interval}.
 */
@ApplicationScoped
public class UpstreamProbe {

    private final TinylyticsClient tinylytics;
    private final UpstreamGuards guards;
    private final Clock clock;
    private final Duration remember;
    private final Duration timeout;
    private final AtomicReference<UpstreamStatus> last = new AtomicReference<>();
    private final AtomicReference<Uni<UpstreamStatus>> inFlight = new AtomicReference<>();

    UpstreamProbe(TinylyticsClient tinylytics, UpstreamGuards guards, Clock clock, GatewayConfig config) {
        this.tinylytics = tinylytics;
        this.guards = guards;
        this.clock = clock;
        this.remember = config.health().probeInterval();
        this.timeout = config.upstream().timeout();
    }

    /**
     * Upstream's status: the remembered verdict while it is recent, else a new probe. Keyless, so probing never
     * spends a key's budget; remembered, so frequent health checks and scrapes from every replica do not become
     * upstream traffic; shared, so callers arriving while a probe runs wait for it instead of sending another. The
     * probe passes the circuit breaker: an open circuit is a verdict (down), and once the breaker's delay has passed
     * the probe is the trial request that can close it.
     */
    public Uni<UpstreamStatus> status() {
        UpstreamStatus known = last.get();
        if (known != null && clock.instant().isBefore(known.at().plus(remember))) {
            return Uni.createFrom().item(known);
        }
        return inFlight.updateAndGet(running -> running != null ? running : newProbe());
    }

    /** The last verdict, without asking upstream; empty before the first probe. */
    public Optional<UpstreamStatus> lastKnown() {
        return Optional.ofNullable(last.get());
    }

    /** The circuit breaker's state now (it changes with every request, not only with probes). */
    public String circuitState() {
        return guards.circuitState().name();
    }

    private Uni<UpstreamStatus> newProbe() {
        return guards.once(() -> tinylytics.probe(timeout))
                .map(ok -> new UpstreamStatus(true, circuitState(), Optional.empty(), clock.instant()))
                .onFailure().recoverWithItem(failure -> new UpstreamStatus(false, circuitState(),
                        Optional.of(failure.getClass().getSimpleName()), clock.instant()))
                .invoke(last::set)
                .eventually(() -> inFlight.set(null))
                .memoize().indefinitely();
    }
}
