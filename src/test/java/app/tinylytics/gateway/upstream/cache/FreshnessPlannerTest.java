package app.tinylytics.gateway.upstream.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.support.TestConfig;

/** Freshness stretched evenly when the reads asked for would need more than the key's hour (1000 minus 5 %). */
class FreshnessPlannerTest {

    private final FreshnessPlanner planner = new FreshnessPlanner(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"),
            ZoneOffset.UTC), TestConfig.gateway(Map.of()));

    @Test
    void readsTheBudgetCanKeepFreshAreNotStretched() {
        for (int i = 0; i < 15; i++) {
            planner.asked("key", "read-" + i, Duration.ofMinutes(1)); // 15 x 60 = 900 requests an hour
        }

        assertEquals(1.0, planner.factor("key"));
    }

    @Test
    void moreThanTheBudgetStretchesEveryReadByTheSameFactor() {
        for (int i = 0; i < 31; i++) {
            planner.asked("key", "read-" + i, Duration.ofMinutes(1)); // 31 x 60 = 1860 requests an hour
        }

        assertEquals(1860.0 / 950, planner.factor("key"), 0.001);
        assertEquals(1.0, planner.factor("another key"), "each key has its own budget");
    }

    @Test
    void aReadAskedTwiceCountsOnceAtTheFreshnessItWasAskedForMost() {
        planner.asked("key", "read", Duration.ofMinutes(5));
        planner.asked("key", "read", Duration.ofSeconds(2)); // a live subscriber wants it every 2 s: 1800 an hour

        assertEquals(1800.0 / 950, planner.factor("key"), 0.001);
    }
}
