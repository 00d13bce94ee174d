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
import app.tinylytics.gateway.time.ClockPace;
import app.tinylytics.gateway.upstream.cache.FreshnessPlanner;

/** Shared pollers: one per read whatever the number of watchers, at the shortest interval, gone with the last watcher. */
class LivePollingTest {

    private final LivePolling polling = new LivePolling(new FreshnessPlanner(Clock.systemUTC(), TestConfig.gateway(Map.of())), new ClockPace(1),
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

    @Test
    void intervalsAreTheApplicationClocksSeconds() throws InterruptedException {
        // The benchmark's clock runs 60 times real time: a 30-second wish is half a real second.
        LivePolling sixtyTimes = new LivePolling(new FreshnessPlanner(Clock.systemUTC(), TestConfig.gateway(Map.of())),
                new ClockPace(60), new SimpleMeterRegistry());
        LivePolling.Watcher watcher = sixtyTimes.watcher(30, () -> { });
        watcher.used("key|HITS|456|", read);

        awaitTrue(() -> refreshes.get() >= 4, "polled about every half real second");
        assertEquals(Duration.ofSeconds(30), maxAges.get(maxAges.size() - 1), "refreshed no older than 30 clock seconds");
        watcher.close();
    }

    @Test
    void aKeyWhoseBudgetIsStretchedIsPolledThatMuchLessOftenButAsksForWhatItsWatchersWant() throws InterruptedException {
        FreshnessPlanner planner = new FreshnessPlanner(Clock.systemUTC(), TestConfig.gateway(Map.of()));
        for (int i = 0; i < 95; i++) {
            planner.asked("key", "read-" + i, Duration.ofMinutes(1)); // 5700 requests an hour for 950: factor 6
        }
        LivePolling stretched = new LivePolling(planner, new ClockPace(1), new SimpleMeterRegistry());
        LivePolling.Watcher watcher = stretched.watcher(1, () -> { });
        watcher.used("key|HITS|456|", read);

        Thread.sleep(3000);
        assertEquals(1, refreshes.get(), "the first look at once, the next one 6 s later, not every second");
        assertEquals(List.of(Duration.ofSeconds(1)), maxAges,
                "the refresh hears the wish (it stretches it itself, and the planner must not see a looser one)");
        watcher.close();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
