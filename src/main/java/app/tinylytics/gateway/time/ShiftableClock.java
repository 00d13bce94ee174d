package app.tinylytics.gateway.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The one clock of the application: system UTC time plus an offset that tests and the benchmark
 * move forward instead of sleeping. In production the offset stays zero.
 */
@Singleton
@Typed(ShiftableClock.class)
public class ShiftableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), Duration.ofMillis(offsetMillis.get()));
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Moves time forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Returns to real time. */
    public void reset() {
        offsetMillis.set(0);
    }
}
