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

    LiveUpdates(LivePolling polling, Operations operations) {
        this.polling = polling;
        this.operations = operations;
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
                                emit(operation, emitter, read);
                            });
                }
            });
            operation.watchReads(watcher);
            emitter.onTermination(() -> {
                operation.stopWatchingReads(watcher);
                watcher.close();
            });
            emit(operation, emitter, read);
        });
    }

    /** Reads the value as part of {@code operation} (a poll's thread is in no GraphQL field) and emits it. */
    private <T> void emit(Operation operation, MultiEmitter<? super T> emitter, Supplier<Uni<T>> read) {
        if (emitter.isCancelled()) {
            return;
        }
        operations.within(operation, () -> read.get().subscribe().with(value -> {
            if (!emitter.isCancelled()) {
                emitter.emit(value);
            }
        }, emitter::fail));
    }
}
