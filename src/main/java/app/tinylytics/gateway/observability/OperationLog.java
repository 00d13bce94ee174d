package app.tinylytics.gateway.observability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.logging.Log;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.cdi.event.AfterExecute;
import io.smallrye.graphql.cdi.event.BeforeExecute;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

import app.tinylytics.gateway.error.GatewayException;

/**
 * Writes one log line per GraphQL operation: its name and type, duration, upstream calls, cache hits
 * and error count, plus the stack trace of any failure that is not a coded gateway error. No variables
 * and no keys: operation names come from the client's document, never its headers.
 */
@ApplicationScoped
public class OperationLog {

    /** The counter of work done outside any GraphQL operation (readiness probes, tests). */
    public static final OperationStats DETACHED = new OperationStats();

    private final Map<String, OperationStats> running = new ConcurrentHashMap<>();

    /** {@code query Name}, {@code mutation Name(...)}: the type and name a document declares first. */
    private static final Pattern DECLARED = Pattern.compile("^\\s*(query|mutation|subscription)\\s*([_A-Za-z][_0-9A-Za-z]*)?");

    void started(@Observes @BeforeExecute Context context) {
        running.put(context.getExecutionId(), new OperationStats());
    }

    void finished(@Observes @AfterExecute Context context) {
        OperationStats stats = running.remove(context.getExecutionId());
        if (stats == null) {
            return;
        }
        String document = context.getRequest() == null ? "" : context.getRequest().getString("query", "");
        Matcher declared = DECLARED.matcher(document);
        boolean named = declared.find();
        String type = named ? declared.group(1) : "query";
        String name = context.getOperationName().orElse(named && declared.group(2) != null ? declared.group(2) : "anonymous");
        List<GraphQLError> errors = errorsOf(context);
        Log.infof("graphql operation=%s type=%s durationMs=%d upstreamCalls=%d cacheHits=%d staleHits=%d errors=%d",
                name, type, stats.elapsedMillis(), stats.upstreamCalls(), stats.cacheHits(), stats.staleHits(), errors.size());
        errors.forEach(error -> {
            if (error instanceof ExceptionWhileDataFetching failed && !(failed.getException() instanceof GatewayException)) {
                // Coded errors are the client's business; anything else is a bug worth its stack trace.
                Log.errorf(failed.getException(), "Unexpected failure resolving %s in operation %s", failed.getPath(), name);
            }
        });
    }

    private static List<GraphQLError> errorsOf(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        return result == null || result.getErrors() == null ? List.of() : result.getErrors();
    }

    /**
     * The stats of the operation executing on this thread; captured when a read is planned, because
     * the GraphQL context is thread-bound and the answer comes later. Outside an operation, a detached
     * counter that nobody reads.
     */
    public OperationStats current() {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        OperationStats stats = context == null ? null : running.get(context.getExecutionId());
        return stats == null ? DETACHED : stats;
    }
}
