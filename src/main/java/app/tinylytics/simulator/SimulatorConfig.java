package app.tinylytics.simulator;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time knobs of the embedded simulator (env vars {@code TINYLYTICS_SIMULATOR_*}); whether the simulator
 * is in the application at all is decided at build time by {@link #INCLUDE_PROPERTY}.
 */
@ConfigMapping(prefix = "tinylytics.simulator")
public interface SimulatorConfig {

    /**
     * Build-time property that puts the simulator into the application: every simulator bean, resource, filter
     * and exception mapper carries {@code @IfBuildProperty(name = INCLUDE_PROPERTY, stringValue = "true")}, so a
     * build without it (production) has no {@code /simulator} route at all. True in the dev, test and demo
     * profiles; changing it at run time changes nothing. Outside this mapping's prefix on purpose: a build
     * without the simulator has no such mapping, and an unmapped {@code tinylytics.*} property would fail it.
     */
    String INCLUDE_PROPERTY = "simulator.include";

    /** Authenticated requests each key may make per hour before the simulator answers 429. */
    @WithDefault("1000")
    int hourlyLimit();

    /** Artificial delay added to every simulator response (without blocking a thread), e.g. {@code 50ms}. */
    @WithDefault("0s")
    Duration latency();

    /**
     * Share of simulator requests, 0 to 1, answered 503 before they are processed (nothing is read or
     * written): an unreliable upstream for the soak test. 0 in every other use.
     */
    @WithDefault("0")
    double faultRate();
}
