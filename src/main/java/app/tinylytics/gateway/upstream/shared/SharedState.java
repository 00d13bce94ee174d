package app.tinylytics.gateway.upstream.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Whether this replica can reach the Redis that replicas share, and the one way every shared store talks to it: each
 * command bounded by a short timeout. A command that fails or is slow is answered by the local fallback; a failed
 * connection, or a slow command whose confirming ping is slow too, switches the whole replica to its local fallback
 * (logged once, and visible as the metric {@code gateway_shared_state_up}), and a ping every few seconds switches it
 * back. One slow command under a burst (a busy pool, a loaded machine) does not: every switch costs the deployment
 * upstream requests that replicas would otherwise have shared.
 */
public class SharedState {

    /** Longest wait for Redis before a command counts as failed: far below any upstream call. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration PING_INTERVAL = Duration.ofSeconds(2);

    private final ReactiveRedisDataSource redis;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean confirming = new AtomicBoolean();
    private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
    private volatile Cancellable pinger;

    public SharedState(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** For CDI's client proxies only. */
    protected SharedState() {
        this.redis = null;
    }

    public ReactiveRedisDataSource redis() {
        return redis;
    }

    public boolean isUp() {
        return up.get();
    }

    /** Runs after Redis is reachable again, e.g. to count what was spent locally meanwhile. */
    public void onReconnect(Runnable action) {
        onReconnect.add(action);
    }

    /**
     * The command against Redis while it is reachable, else (or when it fails or is slow) the local fallback; a
     * failure marks Redis unreachable until a ping succeeds.
     */
    public <T> Uni<T> withFallback(Supplier<Uni<T>> shared, Supplier<Uni<T>> local) {
        if (!up.get()) {
            return local.get();
        }
        return Uni.createFrom().<T>deferred(shared::get)
                .ifNoItem().after(COMMAND_TIMEOUT).fail()
                .onFailure().recoverWithUni(failure -> {
                    if (failure instanceof TimeoutException) {
                        confirmReachable(failure);
                    } else {
                        markDown(failure);
                    }
                    return local.get();
                });
    }

    /** A slow command: Redis counts as unreachable only if a ping is slow too (one ping at a time). */
    private void confirmReachable(Throwable slow) {
        if (up.get() && confirming.compareAndSet(false, true)) {
            redis.execute("PING").ifNoItem().after(COMMAND_TIMEOUT).fail()
                    .onTermination().invoke(() -> confirming.set(false))
                    .subscribe().with(pong -> { }, failure -> markDown(slow));
        }
    }

    void markDown(Throwable failure) {
        if (up.compareAndSet(true, false)) {
            Log.warnf("Redis is unreachable (%s): this replica goes on with its local cache and a conservative share of"
                    + " each key's budget until it is back", failure.getClass().getSimpleName());
            pinger = io.smallrye.mutiny.Multi.createFrom().ticks().every(PING_INTERVAL)
                    .onOverflow().drop()
                    .subscribe().with(tick -> ping());
        }
    }

    private void ping() {
        redis.execute("PING").ifNoItem().after(COMMAND_TIMEOUT).fail()
                .subscribe().with(pong -> markUp(), stillDown -> { });
    }

    private void markUp() {
        if (up.compareAndSet(false, true)) {
            Cancellable stop = pinger;
            if (stop != null) {
                stop.cancel();
            }
            Log.info("Redis is reachable again: shared cache and budget resumed");
            onReconnect.forEach(action -> Infrastructure.getDefaultExecutor().execute(action));
        }
    }
}
