package app.tinylytics.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.support.TestConfig;
import app.tinylytics.gateway.upstream.cache.FreshnessPlanner;

/** Shared pollers: one per read whatever the number of watchers, at the shortest interval, gone with the last watcher. */
class LivePollingTest {

    private final LivePolling polling = new LivePolling(new FreshnessPlanner(Clock.systemUTC(), TestConfig.gateway(Map.of())),
            new SimpleMeterRegistry());
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicLong content = new AtomicLong(1);
    private final List<Duration> maxAges = new CopyOnWriteArrayList<>();

    private final Function<Duration, Uni<Long>> read = maxAge -> Uni.createFrom().item(() -> {
        refreshes.incrementAndGet();
        maxAges.add(maxAge);
        return content.get();
    });

    @Test
    void hundredWatchersOfOneReadShareOnePollerAndAreAllToldOfAChange() throws InterruptedException {
        AtomicInteger told = new AtomicInteger();
        List<LivePolling.Watcher> watchers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 100; i++) {
            LivePolling.Watcher watcher = polling.watcher(1, told::incrementAndGet);
            watcher.used("key|HITS|456|", read);
            watchers.add(watcher);
        }
        assertEquals(1, polling.pollerCount());

        Thread.sleep(1300); // the first poll records the content; it has not changed yet
        assertEquals(0, told.get());
        content.set(2);
        awaitTrue(() -> told.get() == 100, "every watcher is told of the change once");
        int polled = refreshes.get();
        assertTrue(polled <= 4, "one poller, about one refresh a second: " + polled);

        watchers.forEach(LivePolling.Watcher::close);
        assertEquals(0, polling.pollerCount());
        assertEquals(0, polling.watcherCount());
        Thread.sleep(1500);
        assertEquals(polled, refreshes.get(), "polling stopped with the last watcher");
    }

    @Test
    void theShortestIntervalAnyWatcherAskedForWins() throws InterruptedException {
        LivePolling.Watcher slow = polling.watcher(3600, () -> { });
        slow.used("key|KUDOS|456|", read);
        LivePolling.Watcher fast = polling.watcher(1, () -> { });
        fast.used("key|KUDOS|456|", read);

        awaitTrue(() -> refreshes.get() >= 3, "polled about every second");
        assertTrue(maxAges.get(maxAges.size() - 1).toMillis() <= 1000, "refreshed no older than the fast watcher asked");
        slow.close();
        fast.close();
        assertEquals(0, polling.pollerCount());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
