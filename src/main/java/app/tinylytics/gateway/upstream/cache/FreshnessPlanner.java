package app.tinylytics.gateway.upstream.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.tinylytics.gateway.config.GatewayConfig;

/**
 * Budget-aware freshness: the gateway knows which distinct reads of each key it is asked for and how fresh each should
 * be (its TTL, or a subscriber's interval). When keeping them all that fresh would take more upstream requests per
 * hour than the key's budget minus its reserve, every read's freshness is lengthened by the same factor, so the hour
 * is spread evenly instead of running dry and serving everything stale at its end.
 */
@ApplicationScoped
public class FreshnessPlanner {

    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();
    /** A read not asked for within this long (or twice its stretched freshness, if longer) stops counting. */
    private static final long MIN_ACTIVE_MILLIS = Duration.ofMinutes(2).toMillis();
    /** How often a key's factor is recomputed at most. */
    private static final long RECOMPUTE_MILLIS = 1_000;
    private static final int MAX_READS_PER_KEY = 10_000;

    private final Clock clock;
    private final double requestsPerHour;
    private final Cache<String, KeyDemand> keys = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(10_000)
            .build();

    public FreshnessPlanner(Clock clock, GatewayConfig config) {
        this.clock = clock;
        int limit = config.upstream().hourlyLimit();
        int reserve = (int) Math.ceil(limit * config.budget().reservePercent() / 100.0);
        this.requestsPerHour = Math.max(1, limit - reserve);
    }

    /** The read {@code readKey} of the key {@code keyIdentity} was asked for, wanted no older than {@code maxAge}. */
    public void asked(String keyIdentity, String readKey, Duration maxAge) {
        KeyDemand demand = keys.get(keyIdentity, k -> new KeyDemand());
        long now = clock.millis();
        if (demand.reads.size() < MAX_READS_PER_KEY || demand.reads.containsKey(readKey)) {
            // The freshest demand wins while it is renewed; once it lapses, a looser one takes its place.
            demand.reads.merge(readKey, new Demand(Math.max(1_000, maxAge.toMillis()), now),
                    (old, asked) -> asked.maxAgeMillis <= old.maxAgeMillis || !old.activeAt(now, demand.factor) ? asked : old);
        }
    }

    /** How much longer than configured every read of the key stays fresh now: 1 while the budget allows it. */
    public double factor(String keyIdentity) {
        KeyDemand demand = keys.getIfPresent(keyIdentity);
        if (demand == null) {
            return 1;
        }
        long now = clock.millis();
        if (Math.abs(now - demand.computedAtMillis) >= RECOMPUTE_MILLIS) {
            demand.factor = compute(demand, now);
            demand.computedAtMillis = now;
        }
        return demand.factor;
    }

    private double compute(KeyDemand demand, long now) {
        double needed = 0;
        for (Map.Entry<String, Demand> read : demand.reads.entrySet()) {
            Demand wanted = read.getValue();
            if (!wanted.activeAt(now, demand.factor)) {
                demand.reads.remove(read.getKey(), wanted);
                continue;
            }
            needed += (double) HOUR_MILLIS / wanted.maxAgeMillis;
        }
        return Math.max(1, needed / requestsPerHour);
    }

    /** One key's demand: each distinct read with the freshness wanted, and the factor last computed from them. */
    private static final class KeyDemand {

        private final Map<String, Demand> reads = new ConcurrentHashMap<>();
        private volatile double factor = 1;
        private volatile long computedAtMillis;
    }

    private record Demand(long maxAgeMillis, long askedAtMillis) {

        /** Still counted: asked for within twice its (stretched) freshness, and at least the last two minutes. */
        boolean activeAt(long now, double factor) {
            return now - askedAtMillis <= Math.max(MIN_ACTIVE_MILLIS, (long) (2 * maxAgeMillis * factor));
        }
    }
}
