package app.tinylytics.gateway.upstream.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.support.RedisProfile;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.shared.SharedState;

/** Replicas missing the same read at once: one of them fetches it, the others take its answer. */
@QuarkusTest
@TestProfile(RedisProfile.class)
class RedisFetchLeasesTest {

    @Inject
    SharedState shared;
    @Inject
    RedisDataSource redis;
    @Inject
    Clock clock;

    @BeforeEach
    void emptyRedis() {
        redis.flushall();
    }

    @Test
    void threeReplicasMissingTheSameReadMakeOneUpstreamCall() {
        List<FetchLeases> replicas = List.of(new RedisFetchLeases(shared, Duration.ofSeconds(3), clock),
                new RedisFetchLeases(shared, Duration.ofSeconds(3), clock), new RedisFetchLeases(shared, Duration.ofSeconds(3), clock));
        ReadKey key = new ReadKey("identity", Endpoint.HITS, 456, new TreeMap<>(Map.of("page", "1")));
        AtomicInteger upstreamCalls = new AtomicInteger();
        AtomicReference<CachedRead> sharedStore = new AtomicReference<>();
        CachedRead answer = new CachedRead("{}".getBytes(), clock.millis(), clock.millis() + 60_000, 7);

        List<CachedRead> reads = Uni.join().all(replicas.stream().map(replica -> replica.fetchOnce(key, 7,
                () -> Uni.createFrom().item(() -> {
                    upstreamCalls.incrementAndGet();
                    return answer;
                }).onItem().delayIt().by(Duration.ofMillis(400)).invoke(sharedStore::set),
                () -> Uni.createFrom().item(sharedStore::get))).toList()).andFailFast().await().atMost(Duration.ofSeconds(10));

        assertEquals(1, upstreamCalls.get());
        reads.forEach(read -> assertSame(answer, read));
    }

    @Test
    void whenTheHolderStoresNothingTheOthersFetchAfterTheLease() {
        FetchLeases holder = new RedisFetchLeases(shared, Duration.ofMillis(500), clock);
        FetchLeases other = new RedisFetchLeases(shared, Duration.ofMillis(500), clock);
        ReadKey key = new ReadKey("identity", Endpoint.KUDOS, 456, new TreeMap<>());
        AtomicInteger upstreamCalls = new AtomicInteger();
        CachedRead answer = new CachedRead("{}".getBytes(), clock.millis(), clock.millis() + 60_000, 0);

        holder.fetchOnce(key, 0, () -> Uni.createFrom().item(() -> {
            upstreamCalls.incrementAndGet();
            return answer;
        }), () -> Uni.createFrom().nullItem()).await().indefinitely();
        CachedRead fetchedAfterAll = other.fetchOnce(key, 0, () -> Uni.createFrom().item(() -> {
            upstreamCalls.incrementAndGet();
            return answer;
        }), () -> Uni.createFrom().nullItem()).await().atMost(Duration.ofSeconds(5));

        assertSame(answer, fetchedAfterAll);
        assertEquals(2, upstreamCalls.get(), "the holder stored nothing: the other replica fetched after waiting out the lease");
    }
}
