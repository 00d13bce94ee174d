package app.tinylytics.gateway.upstream;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;

/**
 * The gateway's own Micrometer metrics: upstream requests by endpoint and status, cache lookups by result,
 * coalesced reads, and the budget left of the server keys by role. Never labelled per key: a label per forwarded
 * key would publish key identities and grow without bound.
 */
@ApplicationScoped
public class UpstreamMetrics {

    public static final String CACHE_NAME = "upstream-reads";

    private final MeterRegistry registry;
    private final Map<UpstreamAuth.Role, AtomicInteger> budgetRemaining = new ConcurrentHashMap<>();
    private final Map<UpstreamAuth.Role, AtomicLong> freshnessPercent = new ConcurrentHashMap<>();

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One upstream request finished with {@code status}: {@code 2xx}, the HTTP error status, or {@code error} (no answer). */
    public void upstreamRequest(Endpoint endpoint, String status) {
        registry.counter("gateway.upstream.requests", "endpoint", endpoint.route(), "status", status).increment();
    }

    /** One cache lookup: {@code hit}, {@code miss} or {@code stale}. */
    public void cacheLookup(String result) {
        registry.counter("gateway.cache.requests", "cache", CACHE_NAME, "result", result).increment();
    }

    /** A read that joined an identical one already in flight instead of calling upstream. */
    public void coalesced(Endpoint endpoint) {
        registry.counter("gateway.upstream.coalesced", "endpoint", endpoint.route()).increment();
    }

    /**
     * How far a server key's reads are kept fresh beyond their TTL to fit its budget, as a factor (1 = as configured);
     * forwarded keys are not reported.
     */
    public void freshnessFactor(UpstreamAuth auth, double factor) {
        if (!auth.isServerKey()) {
            return;
        }
        freshnessPercent.computeIfAbsent(auth.role(), r -> {
            AtomicLong percent = new AtomicLong(100);
            registry.gauge("gateway.freshness.factor", List.of(Tag.of("key", roleOf(auth))), percent, p -> p.get() / 100.0);
            return percent;
        }).set(Math.round(factor * 100));
    }

    /** The budget left of a server key (forwarded keys are not reported). */
    public void budgetRemaining(UpstreamAuth auth, int remaining) {
        if (!auth.isServerKey()) {
            return;
        }
        budgetRemaining.computeIfAbsent(auth.role(), r -> registry.gauge("gateway.budget.remaining",
                List.of(Tag.of("key", roleOf(auth))), new AtomicInteger(remaining))).set(remaining);
    }

    private static String roleOf(UpstreamAuth auth) {
        return auth.role() == UpstreamAuth.Role.SERVER_READ ? "read" : "write";
    }
}
