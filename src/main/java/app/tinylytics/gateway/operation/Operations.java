package app.tinylytics.gateway.operation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

import app.tinylytics.gateway.config.GatewayConfig;

/** Keeps an {@link Operation} for every GraphQL operation while it executes, and logs it when it ends. */
@ApplicationScoped
public class Operations {

    private final Map<String, Operation> running = new ConcurrentHashMap<>();
    private final int maxUpstreamCalls;
    private final OperationLog log;

    Operations(GatewayConfig config, OperationLog log) {
        this.maxUpstreamCalls = config.limits().maxUpstreamCalls();
        this.log = log;
    }

    void started(@Observes @BeforeExecute Context context) {
        running.put(context.getExecutionId(), new Operation((SmallRyeContext) context, maxUpstreamCalls));
    }

    void finished(@Observes @AfterExecute Context context) {
        Operation operation = running.remove(context.getExecutionId());
        if (operation != null) {
            log.finished(operation, context);
        }
    }

    /**
     * The operation executing on this thread. Capture it when a read is planned: the GraphQL context is
     * thread-bound and answers arrive later. Outside an operation, {@link Operation#DETACHED}.
     */
    public Operation current() {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        Operation operation = context == null ? null : running.get(context.getExecutionId());
        return operation == null ? Operation.DETACHED : operation;
    }
}
