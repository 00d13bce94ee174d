package app.tinylytics.gateway.time;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * How long to really wait for a span of the application clock's time. Timers that stand for the clock's seconds (a
 * live subscriber's {@code everySeconds}) must run as fast as the clock does, or at {@code gateway.clock.rate=60} a
 * 30-second refresh would come once every 30 simulated minutes while TTLs and the budget's hour run 60 times faster.
 */
@ApplicationScoped
public class ClockPace {

    private final double rate;

    @Inject
    ClockPace(GatewayConfig config) {
        this(config.clock().rate());
    }

    /** A pace for a clock running {@code rate} times real time. */
    public ClockPace(double rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("gateway.clock.rate must be positive, was " + rate);
        }
        this.rate = rate;
    }

    /** The real time in which the application clock moves by {@code onClock}. */
    public Duration real(Duration onClock) {
        return rate == 1 ? onClock : Duration.ofNanos((long) (onClock.toNanos() / rate));
    }
}
