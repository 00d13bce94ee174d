package app.tinylytics.gateway.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * What all GraphQL-over-WebSocket connections hold, published as gauges so that anyone can see a closed connection
 * leave nothing behind: open connections, running operations (each with its request context), and each caller's
 * operations, capped at {@code GATEWAY_WEBSOCKET_MAX_SUBSCRIPTIONS_PER_CALLER}.
 */
@Startup // the gauges exist (at zero) before the first connection
@ApplicationScoped
class WebSocketRegistry {

    private final int maxPerCaller;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger operations = new AtomicInteger();
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();

    WebSocketRegistry(GatewayConfig config, MeterRegistry meters) {
        this.maxPerCaller = config.websocket().maxSubscriptionsPerCaller();
        Gauge.builder("gateway.websocket.connections", connections, AtomicInteger::get)
                .description("Open GraphQL-over-WebSocket connections").register(meters);
        Gauge.builder("gateway.websocket.operations", operations, AtomicInteger::get)
                .description("Operations running over WebSocket (subscriptions and queries in flight), each holding a request context")
                .register(meters);
        Gauge.builder("gateway.websocket.callers", perCaller, Map::size)
                .description("Callers with at least one operation running over WebSocket").register(meters);
    }

    void opened() {
        connections.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
    }

    /** Counts one more operation of {@code caller} (its share holder) unless it has reached its cap. */
    boolean tryStart(String caller) {
        boolean[] started = {false};
        perCaller.compute(caller, (holder, running) -> {
            int now = running == null ? 0 : running;
            if (now >= maxPerCaller) {
                return running;
            }
            started[0] = true;
            return now + 1;
        });
        if (started[0]) {
            operations.incrementAndGet();
        }
        return started[0];
    }

    /** One operation of {@code caller} has ended, however it ended. */
    void finished(String caller) {
        perCaller.computeIfPresent(caller, (holder, running) -> running <= 1 ? null : running - 1);
        operations.decrementAndGet();
    }

    int maxPerCaller() {
        return maxPerCaller;
    }
}
