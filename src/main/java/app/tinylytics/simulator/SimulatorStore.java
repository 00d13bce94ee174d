package app.tinylytics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;

/**
 * The simulator's whole in-memory state: per-site data seeded by {@link DemoSeeder}, key usage times and
 * the id sequence. Tests sharing the JVM call {@link #reset()} to start from the same seeded state.
 */
@IfBuildProperty(name = SimulatorConfig.INCLUDE_PROPERTY, stringValue = "true")
@Singleton
public class SimulatorStore {

    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Instant> keyLastUsed = new ConcurrentHashMap<>();
    private volatile Map<Long, SiteData> sites;

    SimulatorStore(Clock clock, RateLimiter rateLimiter) {
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        reset();
    }

    /** Re-seeds every site relative to the clock's current date and clears key usage and rate-limit counters. */
    public final synchronized void reset() {
        ids.set(1000);
        keyLastUsed.clear();
        rateLimiter.clear();
        sites = new DemoSeeder(clock.instant(), ids).seed();
        Log.debugf("Simulator seeded: %d sites", sites.size());
    }

    public Optional<SiteData> site(long siteId) {
        return Optional.ofNullable(sites.get(siteId));
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    public void keyUsed(String key, Instant at) {
        keyLastUsed.put(key, at);
    }

    public Optional<Instant> keyLastUsed(String key) {
        return Optional.ofNullable(keyLastUsed.get(key));
    }
}
