package app.tinylytics.gateway.live;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.time.ClockPace;
import app.tinylytics.gateway.upstream.cache.FreshnessPlanner;

/**
 * One shared poller per upstream read that live subscribers watch (a read is already per key identity): it refreshes
 * the read at the shortest interval any watcher asked for, lengthened by the key's freshness factor when the budget
 * needs it, and tells the watchers when the read's content changed. A read no one watches any more stops being
 * polled. Replicas poll through the shared cache: a read another replica refreshed within the interval costs no
 * upstream request. Intervals are the application clock's seconds, like TTLs and the budget's hour.
 */
@ApplicationScoped
public class LivePolling {

    private final Map<String, Poller> pollers = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private final FreshnessPlanner freshness;
    private final ClockPace pace;

    LivePolling(FreshnessPlanner freshness, ClockPace pace, MeterRegistry registry) {
        this.freshness = freshness;
        this.pace = pace;
        Gauge.builder("gateway.live.pollers", pollers, Map::size).description("Upstream reads polled for live subscribers")
                .register(registry);
        Gauge.builder("gateway.live.watchers", watchers, AtomicInteger::get).description("Live subscriptions watching reads")
                .register(registry);
    }

    /** A subscriber that wants its reads refreshed about every {@code everySeconds} and {@code onChange} told. */
    public Watcher watcher(int everySeconds, Runnable onChange) {
        watchers.incrementAndGet();
        return new Watcher(everySeconds, onChange);
    }

    int pollerCount() {
        return pollers.size();
    }

    int watcherCount() {
        return watchers.get();
    }

    /** One live subscriber: the reads it used, each with the poller that keeps it up to date. */
    public final class Watcher implements Operation.ReadWatcher {

        private final int everySeconds;
        private final Runnable onChange;
        private final Set<Poller> watching = ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        private Watcher(int everySeconds, Runnable onChange) {
            this.everySeconds = everySeconds;
            this.onChange = onChange;
        }

        @Override
        public void used(String readId, Function<Duration, Uni<Long>> refresh) {
            if (closed) {
                return;
            }
            Poller poller = pollers.compute(readId, (id, existing) -> {
                Poller joined = existing != null ? existing : new Poller(id, refresh);
                joined.watchers.add(this);
                return joined;
            });
            if (watching.add(poller)) {
                poller.reschedule();
            }
        }

        /** The subscriber left: its reads stop being polled for it. */
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            watchers.decrementAndGet();
            watching.forEach(poller -> poller.leave(this));
            watching.clear();
        }

        void changed() {
            if (!closed) {
                onChange.run();
            }
        }
    }

    /** Keeps one read up to date for its watchers. */
    private final class Poller {

        private final String readId;
        private final Function<Duration, Uni<Long>> refresh;
        private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
        private volatile Long lastStamp;
        private volatile Cancellable next;
        private volatile long intervalMillis = Long.MAX_VALUE;

        Poller(String readId, Function<Duration, Uni<Long>> refresh) {
            this.readId = readId;
            this.refresh = refresh;
        }

        /** Polls at the shortest interval of its watchers; a new, shorter one takes effect at once. */
        synchronized void reschedule() {
            long wanted = watchers.stream().mapToLong(watcher -> watcher.everySeconds * 1000L).min().orElse(Long.MAX_VALUE);
            if (wanted < intervalMillis || next == null) {
                intervalMillis = wanted;
                schedule(lastStamp == null ? 0 : jitter(wanted));
            }
        }

        void leave(Watcher watcher) {
            watchers.remove(watcher);
            pollers.computeIfPresent(readId, (id, poller) -> {
                if (poller.watchers.isEmpty()) {
                    poller.stop();
                    return null;
                }
                return poller;
            });
        }

        synchronized void stop() {
            if (next != null) {
                next.cancel();
                next = null;
            }
        }

        /** Polls after {@code delayMillis} of the application clock. */
        private synchronized void schedule(long delayMillis) {
            if (next != null) {
                next.cancel();
            }
            // Whole milliseconds, at least one: Vert.x refuses a timer below that (a faster clock shrinks delays).
            long realMillis = Math.max(1, pace.real(Duration.ofMillis(delayMillis)).toMillis());
            next = Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(realMillis))
                    .subscribe().with(tick -> poll());
        }

        /**
         * Refreshes the read if it is older than the watchers' interval stretched by the key's factor (the refresh
         * applies the factor, and tells the planner the unstretched wish), then waits that stretched interval.
         */
        private void poll() {
            if (watchers.isEmpty()) {
                return;
            }
            long asked = intervalMillis;
            double factor = freshness.factor(readId.substring(0, Math.max(0, readId.indexOf('|'))));
            long interval = (long) (asked * Math.max(1, factor));
            refresh.apply(Duration.ofMillis(asked)).subscribe().with(stamp -> {
                Long previous = lastStamp;
                lastStamp = stamp;
                if (previous != null && !previous.equals(stamp)) {
                    watchers.forEach(Watcher::changed);
                }
                scheduleNext(interval);
            }, failure -> {
                Log.debugf("Live poll of %s failed (%s); trying again at the next interval", readId, failure.toString());
                scheduleNext(interval);
            });
        }

        private void scheduleNext(long interval) {
            if (!watchers.isEmpty() && pollers.get(readId) == this) {
                schedule(jitter(interval));
            }
        }

        /** Up to 5 % later, so replicas and pollers started together drift apart instead of polling in step. */
        private long jitter(long interval) {
            return interval + ThreadLocalRandom.current().nextLong(Math.max(1, interval / 20));
        }
    }
}
