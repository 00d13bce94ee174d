package app.tinylytics.gateway.transport;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.smallrye.graphql.execution.ExecutionService;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.operation.OperationLog;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.Caller;
import app.tinylytics.gateway.security.CurrentCaller;

/**
 * One operation of a WebSocket connection from its {@code subscribe} to its end, on the connection's event loop:
 * executed through SmallRye as HTTP does (its own {@link Operation}, the caller set once in a request context that
 * lives as long as the operation), answered with one {@code next} and {@code complete}, or, for a subscription, a
 * {@code next} per event whose payload differs from the last one sent, and logged once when it ends.
 */
final class WebSocketOperation {

    private final String id;
    private final WebSocketConnection connection;
    private Operation operation;
    private OperationLog log;
    private ExecutionResult lastResult;
    private ContextState requestState;
    private Subscription events;
    private String lastPayload;
    private boolean ended;

    WebSocketOperation(String id, WebSocketConnection connection) {
        this.id = id;
        this.connection = connection;
    }

    String id() {
        return id;
    }

    /** Executes {@code prepared} for {@code caller}; a subscription's {@link Operation} outlives the execution. */
    void start(PreparedOperation prepared, Caller caller, ExecutionService executions, Operations operations,
            OperationLog log) {
        this.log = log;
        this.operation = operations.newOperation(prepared.operation().getName(), prepared.kind().name().toLowerCase(Locale.ROOT));
        ManagedContext requestContext = Arc.container().requestContext();
        ContextState outer = requestContext.isActive() ? requestContext.getState() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        requestState = requestContext.getState();
        try {
            Arc.container().instance(CurrentCaller.class).get().set(caller);
            Map<String, Object> metadata = new ConcurrentHashMap<>();
            metadata.put("runBlocking", false);
            metadata.put("state", requestState);
            metadata.put(Operation.CONTEXT_KEY, operation);
            executions.executeAsync(prepared.request().toJsonP(), metadata, new Writer());
        } catch (RuntimeException unexpected) {
            Log.errorf(unexpected, "Unexpected failure starting a WebSocket operation");
            connection.sendError(id, WebSocketConnection.internalError());
            end();
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
            requestContext.deactivate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }

    /** Stops the operation without a word to the client: it sent {@code complete}, or the connection closed. */
    void cancel() {
        end();
    }

    private void answered(ExecutionResponse response) {
        if (ended) {
            return;
        }
        ExecutionResult result = response.getExecutionResult();
        lastResult = result;
        Object data = result.getData();
        if (data instanceof Publisher<?> publisher) {
            @SuppressWarnings("unchecked")
            Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) publisher;
            stream.subscribe(new Events());
            return;
        }
        if (result.isDataPresent() && data != null) {
            Map<String, Object> notice = operation.cacheNotice();
            connection.sendNext(id, (notice == null ? response : new ExecutionResponse(result, Map.of("cache", notice)))
                    .getExecutionResultAsString());
            connection.sendComplete(id);
        } else {
            connection.sendError(id, errorsOf(response));
        }
        end();
    }

    private void failed(Throwable failure) {
        if (ended) {
            return;
        }
        Log.errorf(failure, "Unexpected failure executing a WebSocket operation");
        connection.sendError(id, WebSocketConnection.internalError());
        end();
    }

    /**
     * One event of a subscription: data (with any errors) as {@code next} if it changed, with how old it is in
     * {@code extensions.cache}; no data ends it as {@code error}. Only data and errors decide whether it changed: a
     * payload that says nothing new but a later fetch time is not sent.
     */
    private void event(ExecutionResult result) {
        lastResult = result;
        ExecutionResponse response = new ExecutionResponse(result);
        if (!result.isDataPresent() || result.getData() == null) {
            connection.sendError(id, errorsOf(response));
            end();
            return;
        }
        String payload = response.getExecutionResultAsString();
        if (!payload.equals(lastPayload)) {
            lastPayload = payload;
            Map<String, Object> notice = operation.liveNotice();
            connection.sendNext(id, notice == null ? payload
                    : new ExecutionResponse(result, Map.of("cache", notice)).getExecutionResultAsString());
        }
        events.request(1);
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (events != null) {
            events.cancel();
        }
        if (requestState != null) {
            Arc.container().requestContext().destroy(requestState);
        }
        if (operation != null) {
            log.finished(operation, lastResult);
        }
        connection.ended(this);
    }

    private static String errorsOf(ExecutionResponse response) {
        var errors = response.getExecutionResultAsJsonObject().getJsonArray("errors");
        return errors == null || errors.isEmpty() ? WebSocketConnection.internalError() : errors.toString();
    }

    /** Hands SmallRye's answer to the connection's event loop. */
    private final class Writer implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse response) {
            connection.onEventLoop(() -> answered(response));
        }

        @Override
        public void fail(Throwable failure) {
            connection.onEventLoop(() -> failed(failure));
        }
    }

    /** Receives a subscription's events one at a time, on the connection's event loop. */
    private final class Events implements Subscriber<ExecutionResult> {

        @Override
        public void onSubscribe(Subscription subscription) {
            connection.onEventLoop(() -> {
                if (ended) {
                    subscription.cancel();
                    return;
                }
                events = subscription;
                subscription.request(1);
            });
        }

        @Override
        public void onNext(ExecutionResult result) {
            connection.onEventLoop(() -> {
                if (!ended) {
                    event(result);
                }
            });
        }

        @Override
        public void onError(Throwable failure) {
            connection.onEventLoop(() -> failed(failure));
        }

        @Override
        public void onComplete() {
            connection.onEventLoop(() -> {
                if (!ended) {
                    connection.sendComplete(id);
                    end();
                }
            });
        }
    }
}
