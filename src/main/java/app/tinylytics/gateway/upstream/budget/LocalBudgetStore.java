package app.tinylytics.gateway.upstream.budget;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/** The request log of a single gateway instance, in memory. */
final class LocalBudgetStore implements BudgetStore {

    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();
    private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

    @Override
    public Uni<Void> record(String keyIdentity, Instant at) {
        Deque<Instant> log = requests.computeIfAbsent(keyIdentity, f -> new ArrayDeque<>());
        synchronized (log) {
            log.addLast(at);
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Usage> usageSince(String keyIdentity, Instant windowStart) {
        Instant blockedUntil = blocks.get(keyIdentity);
        Deque<Instant> log = requests.get(keyIdentity);
        if (log == null) {
            return Uni.createFrom().item(new Usage(0, null, blockedUntil));
        }
        synchronized (log) {
            while (!log.isEmpty() && !log.peekFirst().isAfter(windowStart)) {
                log.removeFirst();
            }
            return Uni.createFrom().item(new Usage(log.size(), log.peekFirst(), blockedUntil));
        }
    }

    @Override
    public Uni<Void> blockUntil(String keyIdentity, Instant until) {
        blocks.merge(keyIdentity, until, (a, b) -> a.isAfter(b) ? a : b);
        return Uni.createFrom().voidItem();
    }

}
