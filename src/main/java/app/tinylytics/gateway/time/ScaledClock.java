package app.tinylytics.gateway.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * UTC time that runs {@code rate} times faster than the system clock from the moment it is created: the
 * benchmark lives a simulated hour in a minute with {@code gateway.clock.rate=60}.
 */
final class ScaledClock extends Clock {

    private final double rate;
    private final long startMillis = System.currentTimeMillis();

    ScaledClock(double rate) {
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
        return startMillis + (long) ((System.currentTimeMillis() - startMillis) * rate);
    }
}
