package app.tinylytics.gateway.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.time.ClockPace;
import app.tinylytics.gateway.upstream.UpstreamFailure;

/**
 * Turns a read into a live stream: the value at once, then again whenever a read the subscriber's selection used
 * changed upstream (its operation reports every read it uses to a {@link LivePolling.Watcher}). Changes that arrive
 * together are sent as one update.
 */
@ApplicationScoped
public class LiveUpdates {

    /** Changes of several reads found in one polling round become one update. */
    private static final Duration SETTLE = Duration.ofMillis(100);

    private final LivePolling polling;
    private final Operations operations;
    private final ClockPace pace;

    LiveUpdates(LivePolling polling, Operations operations, ClockPace pace) {
        this.polling = polling;
        this.operations = operations;
        this.pace = pace;
    }

    /** {@code read}'s value now and after every change, for the subscription executing as {@code operation}. */
    public <T> Multi<T> of(Operation operation, int everySeconds, Supplier<Uni<T>> read) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicBoolean pending = new AtomicBoolean();
            LivePolling.Watcher watcher = polling.watcher(everySeconds, () -> {
                if (pending.compareAndSet(false, true)) {
                    Uni.createFrom().voidItem().onItem().delayIt().by(SETTLE)
                            .subscribe().with(settled -> {
                                pending.set(false);
                                operation.nextEvaluation();
                                emit(operation, emitter, read, everySeconds);
                            });
                }
            });
            operation.watchReads(watcher);
            emitter.onTermination(() -> {
                operation.stopWatchingReads(watcher);
                watcher.close();
            });
            emit(operation, emitter, read, everySeconds);
        });
    }

    /**
     * Reads the value as part of {@code operation} (a poll's thread is in no GraphQL field) and emits it. When upstream
     * cannot be asked for now (no answer, overloaded, the circuit open, the budget spent) and no copy is cached, the
     * subscription stays open and the read is tried again {@code everySeconds} later: the subscriber keeps its last
     * payload (or waits for its first) instead of losing the subscription to a passing outage. Other failures (an
     * unknown site, a refused key) end it with their coded error.
     */
    private <T> void emit(Operation operation, MultiEmitter<? super T> emitter, Supplier<Uni<T>> read, int everySeconds) {
        if (emitter.isCancelled()) {
            return;
        }
        operations.within(operation, () -> read.get().subscribe().with(value -> {
            if (!emitter.isCancelled()) {
                emitter.emit(value);
            }
        }, failure -> {
            if (failure instanceof UpstreamFailure upstream && upstream.isTemporary()) {
                Uni.createFrom().voidItem().onItem().delayIt().by(pace.real(Duration.ofSeconds(everySeconds)))
                        .subscribe().with(later -> {
                            operation.nextEvaluation();
                            emit(operation, emitter, read, everySeconds);
                        });
            } else {
                emitter.fail(failure);
            }
        }));
    }
}
