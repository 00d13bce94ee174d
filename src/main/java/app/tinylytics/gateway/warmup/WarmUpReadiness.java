package app.tinylytics.gateway.warmup;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the warm-up has ended: a replica takes traffic once its hot path is compiled (see HotPathWarmUp). */
@Readiness
@ApplicationScoped
public class WarmUpReadiness implements HealthCheck {

    private final HotPathWarmUp warmUp;

    WarmUpReadiness(HotPathWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("warm-up").status(warmUp.done()).build();
    }
}
