package app.tinylytics.gateway.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import app.tinylytics.gateway.upstream.UpstreamGuards;
import app.tinylytics.gateway.upstream.budget.RequestBudget;
import app.tinylytics.gateway.upstream.cache.ReadCache;

/**
 * Before every {@code @QuarkusTest} method: empties the gateway's read cache and upstream budget and closes the circuit breaker, so
 * each test sees upstream afresh whatever ran before it in the same application.
 */
public class ResetGatewayState implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return; // @QuarkusIntegrationTest: the app runs in another process
        }
        container.instance(ReadCache.class).get().invalidateAll().await().indefinitely();
        container.instance(RequestBudget.class).get().clear().await().indefinitely();
        container.instance(UpstreamGuards.class).get().resetCircuit();
    }
}
