package app.tinylytics.gateway.upstream.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The in-process budget: checked and counted in one step, so concurrent requests never spend past a limit. */
class LocalBudgetStoreTest {

    static final long NOW = 1_800_000_000_000L;

    private final LocalBudgetStore store = new LocalBudgetStore();

    @Test
    void concurrentRequestsGetExactlyTheLimit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> requests = IntStream.range(0, 400)
                    .<Callable<Boolean>>mapToObj(i -> () -> store.acquire("key", null, NOW, 50, 50).await().indefinitely().granted())
                    .toList();
            long granted = threads.invokeAll(requests).stream().filter(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();

            assertEquals(50, granted);
            assertEquals(50, store.usage("key", null, NOW).await().indefinitely().keyCount());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCallersShareIsSpentBeforeTheKeyAndOnlyThatCallerIsRefused() {
        for (int i = 0; i < 3; i++) {
            assertTrue(store.acquire("key", "addr:a", NOW, 10, 3).await().indefinitely().granted());
        }

        BudgetStore.Grant refused = store.acquire("key", "addr:a", NOW, 10, 3).await().indefinitely();
        assertEquals(BudgetStore.Refusal.SHARE_SPENT, refused.refusal());
        assertEquals(NOW + BudgetStore.WINDOW_MILLIS, refused.retryAtMillis());
        assertTrue(store.acquire("key", "addr:b", NOW, 10, 3).await().indefinitely().granted());
        assertEquals(4, store.usage("key", null, NOW).await().indefinitely().keyCount());
    }

    @Test
    void aBlockRefusesUntilItEndsAndTheWindowSlides() {
        store.blockUntil("key", NOW + 60_000).await().indefinitely();

        assertEquals(BudgetStore.Refusal.BLOCKED, store.acquire("key", null, NOW, 10, 10).await().indefinitely().refusal());
        assertTrue(store.acquire("key", null, NOW + 60_001, 1, 1).await().indefinitely().granted());
        assertFalse(store.acquire("key", null, NOW + 60_002, 1, 1).await().indefinitely().granted());
        assertTrue(store.acquire("key", null, NOW + 60_001 + BudgetStore.WINDOW_MILLIS, 1, 1).await().indefinitely().granted(),
                "the request leaves the window an hour later");
    }
}
