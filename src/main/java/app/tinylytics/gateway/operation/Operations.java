package app.tinylytics.gateway.operation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.schema.DataFetchingEnvironment;
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
     * A new operation for a transport to put in the GraphQL context it executes with (under
     * {@link Operation#CONTEXT_KEY}), e.g. one per subscription, which outlives the execution that started it.
     */
    public Operation newOperation() {
        return new Operation(null, maxUpstreamCalls);
    }

    /**
     * The operation executing on this thread: the one its transport put in the GraphQL context, else the one
     * started for its execution. Capture it when a read is planned: the GraphQL context is thread-bound and answers
     * arrive later. Outside an operation, {@link Operation#DETACHED}.
     */
    public Operation current() {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (context == null) {
            return Operation.DETACHED;
        }
        DataFetchingEnvironment field = context.getDataFetchingEnvironment();
        Operation given = field == null ? null : field.getGraphQlContext().get(Operation.CONTEXT_KEY);
        if (given != null) {
            return given;
        }
        Operation operation = running.get(context.getExecutionId());
        return operation == null ? Operation.DETACHED : operation;
    }
}
