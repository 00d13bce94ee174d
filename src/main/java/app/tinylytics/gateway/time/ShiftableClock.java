package app.tinylytics.gateway.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * The one clock of the application: system UTC time plus an offset that tests move forward instead
 * of sleeping, optionally running faster than real time ({@code gateway.clock.rate}) so that the
 * benchmark can compress a simulated hour into a minute. In production both stay neutral.
 */
@Singleton
@Typed(ShiftableClock.class)
public class ShiftableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final double rate;
    private final long startMillis = System.currentTimeMillis();

    ShiftableClock(GatewayConfig config) {
        double rate = config.clock().rate();
        if (rate <= 0) {
            throw new IllegalArgumentException("gateway.clock.rate must be positive, was " + rate);
        }
        this.rate = rate;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        long now = System.currentTimeMillis();
        long elapsed = rate == 1 ? now - startMillis : (long) ((now - startMillis) * rate);
        return startMillis + elapsed + offsetMillis.get();
    }

    /** Moves time forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Returns to real time (plus the configured rate). */
    public void reset() {
        offsetMillis.set(0);
    }
}
