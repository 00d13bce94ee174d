package app.tinylytics.simulator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import app.tinylytics.testing.MovableClock;

/** A simulator test that starts from the seeded demo data at the real time, whatever the test before it did. */
abstract class FreshSimulator {

    @Inject
    SimulatorStore store;

    @Inject
    MovableClock clock;

    @BeforeEach
    void reseed() {
        store.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}
