package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Counts authenticated requests per key in fixed one-hour windows that start at a key's first request
 * (the simplest of Rack::Attack-style throttles); past the limit it answers 429 with the seconds left
 * in the window as {@code Retry-After}.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Singleton
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final int hourlyLimit;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(Clock clock, SimulatorConfig config) {
        this.clock = clock;
        this.hourlyLimit = config.hourlyLimit();
    }

    /** Counts one request of the key, throwing the 429 answer when the key's hour is used up. */
    public void acquire(String key) {
        Instant now = clock.instant();
        Window window = windows.compute(key, (k, current) -> current == null || !now.isBefore(current.start().plus(WINDOW))
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        if (window.count() > hourlyLimit) {
            long millisLeft = Duration.between(now, window.start().plus(WINDOW)).toMillis();
            throw SimulatorException.rateLimited(Math.max(1, (millisLeft + 999) / 1000));
        }
    }

    public void clear() {
        windows.clear();
    }
}
