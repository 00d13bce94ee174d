package app.tinylytics.gateway.operation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.logging.Log;
import io.smallrye.graphql.api.Context;

import app.tinylytics.gateway.error.GatewayException;

/**
 * Writes one log line per GraphQL operation: its name and type, duration, upstream calls, cache hits and error
 * count, plus the stack trace of any failure that is not a coded gateway error. No variables and no keys:
 * operation names come from the client's document, never its headers.
 */
@ApplicationScoped
public class OperationLog {

    /** {@code query Name}, {@code mutation Name(...)}: the type and name a document declares first. */
    private static final Pattern DECLARED = Pattern.compile("^\\s*(query|mutation|subscription)\\s*([_A-Za-z][_0-9A-Za-z]*)?");

    void finished(Operation operation, Context context) {
        String document = context.getRequest() == null ? "" : context.getRequest().getString("query", "");
        Matcher declared = DECLARED.matcher(document);
        boolean named = declared.find();
        String type = named ? declared.group(1) : "query";
        String name = context.getOperationName().orElse(named && declared.group(2) != null ? declared.group(2) : "anonymous");
        List<GraphQLError> errors = errorsOf(context);
        Log.infof("graphql operation=%s type=%s durationMs=%d upstreamCalls=%d cacheHits=%d staleHits=%d errors=%d",
                name, type, operation.elapsedMillis(), operation.upstreamCalls(), operation.cacheHits(),
                operation.staleHits(), errors.size());
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
}
