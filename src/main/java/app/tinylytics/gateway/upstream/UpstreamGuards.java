package app.tinylytics.gateway.upstream;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * The SmallRye Fault Tolerance guards around every upstream request: one circuit breaker shared by reads
 * and writes (one upstream), and retries with jittered exponential backoff that only reads go through.
 */
@ApplicationScoped
public class UpstreamGuards {

    /** The circuit breaker's name, for {@link CircuitBreakerMaintenance}. */
    public static final String CIRCUIT = "tinylytics-upstream";

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final Guard breaker;
    private final Guard retry;
    private final CircuitBreakerMaintenance maintenance;

    UpstreamGuards(GatewayConfig config, CircuitBreakerMaintenance maintenance) {
        this.maintenance = maintenance;
        GatewayConfig.CircuitBreaker circuit = config.circuitBreaker();
        this.breaker = Guard.create()
                .withDescription("Tinylytics upstream")
                .withCircuitBreaker()
                    .name(CIRCUIT)
                    .requestVolumeThreshold(circuit.requestVolumeThreshold())
                    .failureRatio(circuit.failureRatio())
                    .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(circuit.successThreshold())
                    .when(failure -> failure instanceof UpstreamFailure upstream && upstream.meansUpstreamIsDown())
                    .onStateChange(state -> Log.infof("Upstream circuit breaker is now %s", state))
                    .done()
                .build();
        GatewayConfig.Retry retries = config.retry();
        this.retry = Guard.create()
                .withDescription("Tinylytics upstream reads")
                .withRetry()
                    .maxRetries(retries.maxRetries())
                    .maxDuration(retries.maxDuration().toMillis(), ChronoUnit.MILLIS)
                    .whenException(failure -> failure instanceof UpstreamFailure upstream
                            && upstream.isWorthRetrying(retries.maxRetryAfter()))
                    .withCustomBackoff()
                        .strategy(() -> new Backoff(retries.delay(), retries.jitter()))
                        .done()
                    .done()
                .build();
    }

    /** An idempotent request (a read): retried when worth it, each attempt passing the circuit breaker. */
    public <T> Uni<T> retried(Supplier<Uni<T>> attempt) {
        return guarded(retry, () -> guarded(breaker, attempt));
    }

    /** A request sent at most once (a write, a health probe): through the circuit breaker, never retried. */
    public <T> Uni<T> once(Supplier<Uni<T>> attempt) {
        return guarded(breaker, attempt);
    }

    public CircuitBreakerState circuitState() {
        return maintenance.currentState(CIRCUIT);
    }

    @SuppressWarnings("unchecked")
    private static <T> Uni<T> guarded(Guard guard, Supplier<Uni<T>> attempt) {
        // Deferred so the guard runs on subscription, as Mutiny pipelines expect, not when the pipeline is built.
        return Uni.createFrom().deferred(() -> (Uni<T>) guard.get(() -> (Uni<Object>) attempt.get(), UNI));
    }

    /**
     * Exponential backoff with jitter; a 429's Retry-After (already known to be short enough) replaces the
     * computed wait, since upstream said when it will answer again.
     */
    private static final class Backoff implements CustomBackoffStrategy {

        private final long delayMillis;
        private final long jitterMillis;
        private int retries;

        Backoff(Duration delay, Duration jitter) {
            this.delayMillis = delay.toMillis();
            this.jitterMillis = jitter.toMillis();
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long base = retryAfterMillis(cause).orElse(delayMillis << Math.min(retries, 10));
            retries++;
            return base + (jitterMillis > 0 ? ThreadLocalRandom.current().nextLong(jitterMillis + 1) : 0);
        }

        private static OptionalLong retryAfterMillis(Throwable cause) {
            if (cause instanceof UpstreamFailure failure && failure.isStatus(429) && failure.retryAfterSeconds().isPresent()) {
                return OptionalLong.of(failure.retryAfterSeconds().getAsLong() * 1000);
            }
            return OptionalLong.empty();
        }
    }
}
