package app.tinylytics.gateway.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.operation.ReadUse;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.cache.Generations;

/**
 * Whole GraphQL answers, reused for the same key, document, operation name and variables: fresh as long as the
 * shortest-lived read the operation used, dropped as soon as a write changes any of those reads (their generations),
 * never shared across keys, never holding a stale or caller-specific answer, bounded in bytes. A repeated dashboard
 * is then answered without running GraphQL at all.
 */
@ApplicationScoped
public class OperationCache {

    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Cache<String, Answer> answers;
    private final Generations generations;
    private final Clock clock;
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;

    OperationCache(GatewayConfig config, Generations generations, Clock clock, MeterRegistry registry) {
        long maxBytes = config.cache().operationMaxBytes().asLongValue();
        this.enabled = maxBytes > 0;
        this.generations = generations;
        this.clock = clock;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, maxBytes))
                .weigher((String key, Answer answer) -> 2 * key.length() + answer.body().length + 64 * answer.reads().size())
                .expireAfter(Expiry.creating((String key, Answer answer) -> lifetime(answer.freshUntil(), clock)))
                .build();
        this.hits = registry.counter("gateway.operation.cache.requests", "result", "hit");
        this.misses = registry.counter("gateway.operation.cache.requests", "result", "miss");
    }

    /** The cache key of a request made with the key known as {@code keyIdentity}. */
    public String keyOf(String keyIdentity, GraphQLRequest request) {
        try {
            return keyIdentity + '\u0000' + request.query() + '\u0000' + request.operationName() + '\u0000'
                    + CANONICAL.writeValueAsString(request.variables());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variables read from JSON can be written as JSON", e);
        }
    }

    /** The answer stored under {@code key} while it is still valid, or null. */
    public Uni<Answer> lookup(String key) {
        Answer answer = enabled ? answers.getIfPresent(key) : null;
        if (answer == null || !clock.instant().isBefore(answer.freshUntil())) {
            misses.increment();
            return Uni.createFrom().nullItem();
        }
        return unchanged(answer.reads()).map(valid -> {
            if (!valid) {
                answers.invalidate(key);
                misses.increment();
                return null;
            }
            hits.increment();
            return answer;
        });
    }

    /** Keeps an answer that used these reads, when every one of them may be reused. */
    public void store(String key, byte[] body, List<ReadUse> reads) {
        Instant freshUntil = ReadUse.freshUntil(reads);
        if (enabled && freshUntil != null && freshUntil.isAfter(clock.instant())) {
            answers.put(key, new Answer(body, freshUntil, List.copyOf(reads)));
        }
    }

    /** Drops the answer stored under {@code key}, if any. */
    public void forget(String key) {
        answers.invalidate(key);
    }

    /** True while no write changed any of the reads since they were fetched. */
    private Uni<Boolean> unchanged(List<ReadUse> reads) {
        Uni<Boolean> all = Uni.createFrom().item(true);
        for (ReadUse read : reads) {
            all = all.chain(valid -> !valid ? Uni.createFrom().item(false)
                    : generations.current(read.siteId(), Endpoint.valueOf(read.endpoint()))
                            .map(current -> current == read.generation()));
        }
        return all;
    }

    private static Duration lifetime(Instant freshUntil, Clock clock) {
        Duration left = Duration.between(clock.instant(), freshUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** An answer kept: its bytes as first sent, fresh until its first read is not. */
    public record Answer(byte[] body, Instant freshUntil, List<ReadUse> reads) {
    }
}
