package app.tinylytics.gateway.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * The one {@link Clock} every bean injects: system UTC time, or time running {@code gateway.clock.rate} times
 * faster for the benchmark. Tests replace it with a clock they move by hand.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(GatewayConfig config) {
        double rate = config.clock().rate();
        if (rate <= 0) {
            throw new IllegalArgumentException("gateway.clock.rate must be positive, was " + rate);
        }
        return rate == 1 ? Clock.systemUTC() : new ScaledClock(rate);
    }
}
