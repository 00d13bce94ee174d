package app.tinylytics.gateway.support;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import app.tinylytics.gateway.transport.OperationCache;
import app.tinylytics.gateway.upstream.budget.RequestBudget;
import app.tinylytics.gateway.upstream.cache.FreshnessPlanner;
import app.tinylytics.gateway.upstream.cache.Generations;
import app.tinylytics.gateway.upstream.cache.InFlightReads;
import app.tinylytics.gateway.upstream.cache.ReadStore;

/**
 * Starts the running test application's upstream state afresh: the application-scoped beans that hold it are
 * destroyed (CDI makes new ones on next use) and the circuit breaker is reset. No production class needs a
 * test-only "clear" method for it. State kept in Redis is the Redis tests' own business.
 */
public final class GatewayState {

    private static final List<Class<?>> STATEFUL = List.of(ReadStore.class, Generations.class, InFlightReads.class,
            RequestBudget.class, FreshnessPlanner.class, OperationCache.class);

    private GatewayState() {
    }

    public static void reset() {
        ArcContainer container = Arc.container();
        STATEFUL.forEach(type -> container.instance(type).destroy());
        container.instance(CircuitBreakerMaintenance.class).get().resetAll();
    }
}
