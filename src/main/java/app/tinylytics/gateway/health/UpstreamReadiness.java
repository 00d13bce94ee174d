package app.tinylytics.gateway.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamGuards;

/**
 * Ready when Tinylytics answers through the upstream circuit breaker. Probes the keyless discovery
 * endpoint ({@code GET /}), so readiness never spends a key's budget; the probe passes the breaker, so an
 * open circuit means not ready, and once the breaker's delay has passed the probe itself is the half-open
 * trial that closes it (an unready pod gets no traffic that could). The outcome is remembered for a
 * while so that frequent probes from every replica do not become upstream traffic.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final String NAME = "tinylytics-upstream";

    private final TinylyticsClient tinylytics;
    private final UpstreamGuards guards;
    private final Clock clock;
    private final Duration remember;
    private final Duration timeout;
    private final AtomicReference<Outcome> last = new AtomicReference<>();

    UpstreamReadiness(TinylyticsClient tinylytics, UpstreamGuards guards, Clock clock, GatewayConfig config) {
        this.tinylytics = tinylytics;
        this.guards = guards;
        this.clock = clock;
        this.remember = config.health().probeInterval();
        this.timeout = config.upstream().timeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Outcome known = last.get();
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.at().plus(remember))) {
            return Uni.createFrom().item(known.response());
        }
        return guards.once(() -> tinylytics.probe(timeout))
                .map(ok -> HealthCheckResponse.named(NAME).up().withData("circuit", circuitState()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("circuit", circuitState()).withData("reason", failure.getClass().getSimpleName()).build())
                .invoke(response -> last.set(new Outcome(response, now)));
    }

    private String circuitState() {
        return guards.circuitState().name();
    }

    private record Outcome(HealthCheckResponse response, Instant at) {
    }
}
