package app.tinylytics.gateway.operation;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * Hands transports a new {@link Operation} to execute with (they put it in the GraphQL context under
 * {@link Operation#CONTEXT_KEY}), and resolvers the one they run in.
 */
@ApplicationScoped
public class Operations {

    private final int maxUpstreamCalls;
    private final long maxRows;

    Operations(GatewayConfig config) {
        this.maxUpstreamCalls = config.limits().maxUpstreamCalls();
        this.maxRows = config.limits().maxRows();
    }

    /** A new operation named as its document names it ({@code anonymous} when it does not), of the given type. */
    public Operation newOperation(String name, String type) {
        return new Operation(name == null ? "anonymous" : name, type, maxUpstreamCalls, maxRows);
    }

    /** A new subscription operation, which outlives the execution that started it. */
    public Operation newOperation() {
        return newOperation(null, "subscription");
    }

    /**
     * The operation executing on this thread. Capture it when a read is planned: the GraphQL context is thread-bound
     * and answers arrive later. Outside an operation, {@link Operation#DETACHED}.
     */
    public Operation current() {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment field = context == null ? null : context.getDataFetchingEnvironment();
        Operation operation = field == null ? null : field.getGraphQlContext().get(Operation.CONTEXT_KEY);
        return operation == null ? Operation.DETACHED : operation;
    }
}
