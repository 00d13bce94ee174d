package app.tinylytics.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * Counts upstream requests per key fingerprint in a sliding hour, the window upstream enforces
 * (1000 requests per hour per key), so the gateway can say how much of the budget is left.
 */
@ApplicationScoped
public class RequestBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int hourlyLimit;
    private final Map<String, Deque<Instant>> spentByFingerprint = new ConcurrentHashMap<>();

    RequestBudget(Clock clock, GatewayConfig config) {
        this.clock = clock;
        this.hourlyLimit = config.upstream().hourlyLimit();
    }

    /** Records one upstream request made with the key. */
    public void record(ApiKey key) {
        Deque<Instant> spent = spentByFingerprint.computeIfAbsent(key.fingerprint(), f -> new ArrayDeque<>());
        synchronized (spent) {
            spent.addLast(clock.instant());
        }
    }

    /** What is left of the key's hourly budget now. */
    public Snapshot snapshot(ApiKey key) {
        Deque<Instant> spent = spentByFingerprint.get(key.fingerprint());
        if (spent == null) {
            return new Snapshot(hourlyLimit, hourlyLimit, null);
        }
        synchronized (spent) {
            Instant windowStart = clock.instant().minus(WINDOW);
            while (!spent.isEmpty() && !spent.peekFirst().isAfter(windowStart)) {
                spent.removeFirst();
            }
            Instant resetsAt = spent.isEmpty() ? null : spent.peekFirst().plus(WINDOW);
            return new Snapshot(hourlyLimit, Math.max(0, hourlyLimit - spent.size()), resetsAt);
        }
    }

    /** The budget of one key: allowed per hour, left now, and when the oldest counted request leaves the window. */
    public record Snapshot(int limit, int remaining, Instant resetsAt) {
    }
}
