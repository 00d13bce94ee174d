package app.tinylytics.gateway.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.support.RedisProfile;
import app.tinylytics.gateway.upstream.budget.BudgetStore;
import app.tinylytics.gateway.upstream.budget.RedisBudgetStore;

/** The budget in a real Redis, as several replicas use it: atomic across replicas, and safe from cache eviction. */
@QuarkusTest
@TestProfile(RedisProfile.class)
class RedisSharedStateTest {

    static final long NOW = System.currentTimeMillis();

    @Inject
    RedisDataSource redis;
    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @BeforeEach
    void emptyRedis() {
        redis.flushall();
    }

    @AfterEach
    void noMemoryLimit() {
        redis.execute("CONFIG", "SET", "maxmemory", "0");
        redis.execute("CONFIG", "SET", "maxmemory-policy", "noeviction");
    }

    @Test
    void replicasRacingForTheLastRequestsNeverOvershoot() {
        BudgetStore one = new RedisBudgetStore(reactiveRedis);
        BudgetStore other = new RedisBudgetStore(reactiveRedis);
        List<Uni<BudgetStore.Grant>> racing = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            racing.add((i % 2 == 0 ? one : other).acquire("race", null, NOW, 100, 100));
        }

        List<BudgetStore.Grant> grants = Uni.join().all(racing).andFailFast().await().atMost(Duration.ofSeconds(30));

        assertEquals(100, grants.stream().filter(BudgetStore.Grant::granted).count());
        assertEquals(100, one.usage("race", null, NOW).await().indefinitely().keyCount());
    }

    @Test
    void aCallersShareIsCountedAcrossReplicasToo() {
        BudgetStore one = new RedisBudgetStore(reactiveRedis);
        BudgetStore other = new RedisBudgetStore(reactiveRedis);
        for (int i = 0; i < 5; i++) {
            assertTrue((i % 2 == 0 ? one : other).acquire("shared", "addr:10.0.0.1", NOW, 100, 5).await().indefinitely().granted());
        }

        assertEquals(BudgetStore.Refusal.SHARE_SPENT,
                other.acquire("shared", "addr:10.0.0.1", NOW, 100, 5).await().indefinitely().refusal());
        assertTrue(one.acquire("shared", "addr:10.0.0.2", NOW, 100, 5).await().indefinitely().granted());
    }

    @Test
    void fillingTheCachePastMaxmemoryNeverEvictsTheBudget() {
        BudgetStore budget = new RedisBudgetStore(reactiveRedis);
        for (int i = 0; i < 50; i++) {
            budget.acquire("evictable?", null, NOW, 1000, 1000).await().indefinitely();
        }
        budget.blockUntil("evictable?", NOW + 3_600_000).await().indefinitely();
        redis.execute("CONFIG", "SET", "maxmemory", "4mb");
        redis.execute("CONFIG", "SET", "maxmemory-policy", "volatile-lru");

        String value = "x".repeat(16 * 1024);
        for (int i = 0; i < 1500; i++) { // 24 MB of cache entries, each with a TTL as the gateway writes them
            redis.execute("SET", "tinylytics-gateway:reads:filler-" + i, value, "PX", "3600000");
        }

        assertTrue(redis.key().keys("tinylytics-gateway:reads:filler-*").size() < 1500, "the cache was evicted");
        BudgetStore.Usage usage = budget.usage("evictable?", null, NOW).await().indefinitely();
        assertEquals(50, usage.keyCount());
        assertEquals(NOW + 3_600_000, usage.blockedUntilMillis());
    }
}
