package app.tinylytics.gateway.upstream.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.RedisOutageProfile;
import app.tinylytics.gateway.support.RedisServer;
import app.tinylytics.gateway.upstream.shared.SharedState;

/**
 * While Redis is away, three replicas together may spend only what the key had left when they last heard from Redis,
 * never a fresh share of the whole hour on top of what the deployment had already spent.
 */
@QuarkusTest
@TestProfile(RedisOutageProfile.class)
class FailoverBudgetStoreTest {

    static final int LIMIT = 100;
    static final int REPLICAS = 3;

    @Inject
    SharedState shared;
    @Inject
    ReactiveRedisDataSource redis;

    @AfterEach
    void redisBack() {
        RedisServer.current().restartIfDown(shared);
    }

    @Test
    void apartAReplicaSpendsItsPartOfWhatWasLeftNotOfTheWholeHour() {
        FailoverBudgetStore store = new FailoverBudgetStore(shared, new RedisBudgetStore(redis), new LocalBudgetStore(), REPLICAS);
        String key = "test-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        for (int i = 0; i < 88; i++) {
            assertTrue(store.acquire(key, null, now, LIMIT, LIMIT).await().indefinitely().granted(), "shared request " + i);
        }

        RedisServer.current().stopProcess();
        int grantedApart = 0;
        for (int i = 0; i < 40; i++) {
            if (store.acquire(key, null, now + 1, LIMIT, LIMIT).await().indefinitely().granted()) {
                grantedApart++;
            }
        }

        assertFalse(shared.isUp(), "the replica noticed Redis was gone");
        assertEquals((LIMIT - 88) / REPLICAS, grantedApart, "this replica's third of the 12 left");
        assertEquals((LIMIT - 88) / REPLICAS, store.keyLimitNow(key, LIMIT, now + 1));
        assertEquals(LIMIT / REPLICAS, store.keyLimitNow(key, LIMIT, now + BudgetStore.WINDOW_MILLIS),
                "after a whole window apart, what was spent before has left it");
        assertEquals(LIMIT / REPLICAS, store.keyLimitNow("never-seen-" + UUID.randomUUID(), LIMIT, now + 1));
    }
}
