package app.tinylytics.gateway.support;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before every {@code @QuarkusTest} method: a fresh read cache, budget and circuit breaker ({@link GatewayState}),
 * so each test sees upstream afresh whatever ran before it in the same application.
 */
public class ResetGatewayState implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (Arc.container() == null) {
            return; // @QuarkusIntegrationTest: the app runs in another process
        }
        GatewayState.reset();
    }
}
