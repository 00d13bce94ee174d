package app.tinylytics.gateway.transport;

import java.time.Duration;

import jakarta.enterprise.inject.Instance;

import io.smallrye.graphql.execution.ExecutionService;

import app.tinylytics.gateway.operation.OperationLog;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.security.CallerResolver;

/** What every WebSocket connection works with: the checks and services it shares with HTTP, and its limits. */
record WebSocketServices(OperationChecks checks, CallerResolver callers, WebSocketRegistry registry,
        Instance<ExecutionService> executions, Operations operations, OperationLog log, Duration initTimeout, int maxPerConnection,
        long maxMessageBytes) {
}
