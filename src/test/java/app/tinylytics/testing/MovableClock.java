package app.tinylytics.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/**
 * The application's {@link Clock} in tests: system UTC time plus an offset that tests move instead of
 * sleeping. Replaces the production clock for every bean of the test application (gateway and simulator).
 */
@Alternative
@Priority(1)
@Singleton
@Typed({ Clock.class, MovableClock.class })
public class MovableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

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
        return System.currentTimeMillis() + offsetMillis.get();
    }

    /** Moves time forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        offsetMillis.addAndGet(duration.toMillis());
    }

    /** Back to real time. */
    public void reset() {
        offsetMillis.set(0);
    }
}
