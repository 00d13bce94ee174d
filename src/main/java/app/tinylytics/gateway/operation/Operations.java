package app.tinylytics.gateway.operation;

import java.util.function.Supplier;

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

    /** The operation {@link #within} runs work for, on this thread. */
    private static final ThreadLocal<Operation> PINNED = new ThreadLocal<>();

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
     * Starts {@code work} as part of {@code operation} where no GraphQL field is executing: a subscription evaluated
     * again after a poll saw a change. Reads that {@code work} starts before it returns count for that operation (its
     * cap, its notice, the reads it watches).
     */
    public <T> T within(Operation operation, Supplier<T> work) {
        Operation outer = PINNED.get();
        PINNED.set(operation);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PINNED.remove();
            } else {
                PINNED.set(outer);
            }
        }
    }

    /**
     * The operation executing on this thread. Capture it when a read is planned: the GraphQL context is thread-bound
     * and answers arrive later. Outside an operation, {@link Operation#DETACHED}.
     */
    public Operation current() {
        Operation pinned = PINNED.get();
        if (pinned != null) {
            return pinned;
        }
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment field = context == null ? null : context.getDataFetchingEnvironment();
        Operation operation = field == null ? null : field.getGraphQlContext().get(Operation.CONTEXT_KEY);
        return operation == null ? Operation.DETACHED : operation;
    }
}
