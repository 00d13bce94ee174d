package app.tinylytics.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;

/**
 * Whether Tinylytics answers, at {@code /q/health/group/upstream}: for dashboards and alerts, never for Kubernetes
 * probes.
 */
// Deliberately not @Readiness: an upstream outage must not empty the Service. Replicas that stay in it answer from
// cache (stale, marked) or with UPSTREAM_UNAVAILABLE, which is all any replica could do.
@HealthGroup(UpstreamHealthCheck.GROUP)
@ApplicationScoped
public class UpstreamHealthCheck implements AsyncHealthCheck {

    public static final String GROUP = "upstream";
    static final String NAME = "tinylytics-upstream";

    private final UpstreamProbe probe;

    UpstreamHealthCheck(UpstreamProbe probe) {
        this.probe = probe;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return probe.status().map(UpstreamHealthCheck::response);
    }

    private static HealthCheckResponse response(UpstreamStatus status) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).status(status.up())
                .withData("circuit", status.circuit())
                .withData("checkedAt", status.at().toString());
        status.reason().ifPresent(reason -> builder.withData("reason", reason));
        return builder.build();
    }
}
