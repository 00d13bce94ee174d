package app.tinylytics.gateway.operation;

import java.util.List;
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

    OperationLog(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The operation ended with {@code result}. */
    public void finished(Operation operation, ExecutionResult result) {
        List<GraphQLError> errors = result == null || result.getErrors() == null ? List.of() : result.getErrors();
        long nanos = operation.elapsedNanos();
        Log.infof("graphql operation=%s type=%s durationMs=%d upstreamCalls=%d cacheHits=%d staleHits=%d errors=%d",
                operation.name(), operation.type(), TimeUnit.NANOSECONDS.toMillis(nanos), operation.upstreamCalls(),
                operation.cacheHits(), operation.staleHits(), errors.size());
        Timer.builder("gateway.graphql.operations").description("GraphQL operations executed, by type and outcome")
                .tag("type", operation.type()).tag("outcome", errors.isEmpty() ? "ok" : "errors")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        errors.forEach(error -> {
            if (error instanceof ExceptionWhileDataFetching failed && !(failed.getException() instanceof GatewayException)) {
                // Coded errors are the client's business; anything else is a bug worth its stack trace.
                Log.errorf(failed.getException(), "Unexpected failure resolving %s in operation %s", failed.getPath(),
                        operation.name());
            }
        });
    }
}
