package app.tinylytics.gateway.operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

import app.tinylytics.gateway.error.GatewayException;

/**
 * Writes one log line per GraphQL operation (its name and type, duration, upstream calls, cache hits and error count)
 * and times it ({@code gateway_graphql_operations_seconds{type,outcome}}), plus the stack trace of any failure that is
 * not a coded gateway error. No variables and no keys: names come from the client's document, never its headers.
 */
@ApplicationScoped
public class OperationLog {

    private final MeterRegistry registry;
    /** One timer per type and outcome, registered once: a builder per operation cost a registry look-up each time. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    OperationLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The operation ended with {@code result}. */
    public void finished(Operation operation, ExecutionResult result) {
        List<GraphQLError> errors = result == null || result.getErrors() == null ? List.of() : result.getErrors();
        long nanos = operation.elapsedNanos();
        if (Log.isInfoEnabled()) {
            // Concatenated rather than formatted: java.util.Formatter cost as much as the rest of a small operation.
            Log.info("graphql operation=" + operation.name() + " type=" + operation.type() + " durationMs="
                    + TimeUnit.NANOSECONDS.toMillis(nanos) + " upstreamCalls=" + operation.upstreamCalls() + " cacheHits="
                    + operation.cacheHits() + " staleHits=" + operation.staleHits() + " errors=" + errors.size());
        }
        timer(operation.type(), errors.isEmpty() ? "ok" : "errors").record(nanos, TimeUnit.NANOSECONDS);
        errors.forEach(error -> {
            if (error instanceof ExceptionWhileDataFetching failed && !(failed.getException() instanceof GatewayException)) {
                // Coded errors are the client's business; anything else is a bug worth its stack trace.
                Log.errorf(failed.getException(), "Unexpected failure resolving %s in operation %s", failed.getPath(),
                        operation.name());
            }
        });
    }

    private Timer timer(String type, String outcome) {
        return timers.computeIfAbsent(type + '/' + outcome, key -> Timer.builder("gateway.graphql.operations")
                .description("GraphQL operations executed, by type and outcome")
                .tag("type", type).tag("outcome", outcome).register(registry));
    }
}
