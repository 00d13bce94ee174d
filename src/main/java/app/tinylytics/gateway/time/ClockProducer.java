package app.tinylytics.gateway.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes {@link ShiftableClock} the {@link Clock} that every bean injects. */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(ShiftableClock clock) {
        return clock;
    }
}
