package app.tinylytics.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.operation.Operation;
import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.operation.ReadUse;
import app.tinylytics.gateway.upstream.budget.RequestBudget;
import app.tinylytics.gateway.upstream.cache.CachePolicy;
import app.tinylytics.gateway.upstream.cache.CachedRead;
import app.tinylytics.gateway.upstream.cache.FetchLeases;
import app.tinylytics.gateway.upstream.cache.FreshnessPlanner;
import app.tinylytics.gateway.upstream.cache.Generations;
import app.tinylytics.gateway.upstream.cache.InFlightReads;
import app.tinylytics.gateway.upstream.cache.ReadKey;
import app.tinylytics.gateway.upstream.cache.ReadStore;

/**
 * Every upstream request passes here. Reads are served from cache while fresh, coalesced when identical ones are
 * in flight, answered "absent" when the endpoint's rule says so, and served stale rather than spending the last of
 * the key's budget or when upstream is unreachable. Every attempt is counted against the budget and bounded by the
 * timeout; reads are retried and all requests pass the circuit breaker ({@link UpstreamGuards}). Failures leave as
 * {@link UpstreamFailure}.
 */
@ApplicationScoped
public class UpstreamAccess {

    private final RequestBudget budget;
    private final ReadStore store;
    private final Generations generations;
    private final CachePolicy policy;
    private final InFlightReads inFlight;
    private final FetchLeases leases;
    private final FreshnessPlanner freshness;
    private final UpstreamMetrics metrics;
    private final Operations operations;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration timeout;
    private final UpstreamGuards guards;

    UpstreamAccess(RequestBudget budget, ReadStore store, Generations generations, CachePolicy policy,
            InFlightReads inFlight, FetchLeases leases, FreshnessPlanner freshness, UpstreamMetrics metrics, Operations operations, ObjectMapper mapper, Clock clock,
            GatewayConfig config, UpstreamGuards guards) {
        this.budget = budget;
        this.store = store;
        this.generations = generations;
        this.policy = policy;
        this.inFlight = inFlight;
        this.leases = leases;
        this.freshness = freshness;
        this.metrics = metrics;
        this.operations = operations;
        this.mapper = mapper;
        this.clock = clock;
        this.timeout = config.upstream().timeout();
        this.guards = guards;
    }

    /**
     * A cached read of {@code endpoint}; null when upstream's answer means "absent" for it (an unknown site, uptime
     * off, content monitoring off). {@code request} receives the {@code Authorization} header value and is invoked
     * only when upstream must be asked. A live subscription's operation is told of the read, to keep it up to date.
     */
    public <T> Uni<T> read(UpstreamAuth auth, Endpoint endpoint, long siteId, UpstreamQuery query, Class<T> type,
            Function<String, Uni<T>> request) {
        Operation operation = operations.current();
        ReadKey key = policy.keyFor(auth.key().identity(), endpoint, siteId, query);
        return entry(auth, endpoint, siteId, query, key, request, null, operation)
                .invoke(entry -> operation.used(use(key, siteId, endpoint, entry),
                        refresher(auth, endpoint, siteId, query, key, request)))
                .map(entry -> entry == null ? null : entry.value(type, mapper));
    }

    /** Brings the read up to date for a live poll (fetching it when older than the age asked) and tells its content. */
    private <T> Function<Duration, Uni<Long>> refresher(UpstreamAuth auth, Endpoint endpoint, long siteId,
            UpstreamQuery query, ReadKey key, Function<String, Uni<T>> request) {
        return maxAge -> entry(auth, endpoint, siteId, query, key, request, maxAge, Operation.DETACHED)
                .map(entry -> entry == null ? 0L : entry.contentStamp());
    }

    /** What the operation used: the read, and until when its answer may be reused (never when it is past its freshness). */
    private ReadUse use(ReadKey key, long siteId, Endpoint endpoint, CachedRead entry) {
        Instant freshUntil = null;
        if (entry != null) {
            Instant until = policy.freshUntil(entry, endpoint, freshness.factor(key.keyIdentity()));
            freshUntil = until.isAfter(clock.instant()) ? until : null;
        }
        // The leaderboard's age is upstream's (its own cachedAt): the gateway can make it no younger than that.
        Instant fetchedAt = entry == null || endpoint.freshness() == Endpoint.Freshness.DECLARED_BY_UPSTREAM
                ? null : entry.fetchedAt();
        return new ReadUse(key.encoded(), siteId, endpoint.name(), entry == null ? -1 : entry.generation(), freshUntil,
                fetchedAt);
    }

    /**
     * The read's answer if a fresh copy is cached or a fetch of it is under way (whose answer is then shared), without
     * asking upstream itself: null otherwise, or when that fetch fails. For answering one part of a read from another
     * read already held: a site from the site list, which a dashboard asking for both refreshes at the same moment its
     * sites would otherwise be read one by one. An answer counts as a use of that read, as {@link #read} counts it: a
     * live subscription then watches it ({@code request} refreshes it), and an operation cache answer built from it
     * lasts no longer than it.
     */
    public <T> Uni<T> cachedOnly(UpstreamAuth auth, Endpoint endpoint, long siteId, UpstreamQuery query, Class<T> type,
            Function<String, Uni<T>> request) {
        Operation operation = operations.current();
        ReadKey key = policy.keyFor(auth.key().identity(), endpoint, siteId, query);
        double factor = freshness.factor(auth.key().identity());
        return generations.current(siteId, endpoint).chain(generation -> store.get(key).chain(entry -> {
            if (entry != null && entry.generation() == generation && policy.isFresh(entry, endpoint, clock.instant(), factor)) {
                return Uni.createFrom().item(entry);
            }
            Uni<CachedRead> fetching = inFlight.inFlight(key, generation);
            return fetching == null ? Uni.createFrom().<CachedRead>nullItem() : fetching.onFailure().recoverWithNull();
        })).invoke(entry -> {
            if (entry != null) {
                operation.used(use(key, siteId, endpoint, entry), refresher(auth, endpoint, siteId, query, key, request));
            }
        }).map(entry -> entry == null ? null : entry.value(type, mapper));
    }

    /**
     * The cached entry to answer with: fresh (by its TTL stretched to fit the budget, or, when a live subscription's
     * poller asks, younger than the {@code maxAge} it wants stretched the same way), else fetched, else stale when
     * upstream cannot be asked; null for "absent". The planner is told the unstretched wish: telling it the stretched
     * one would make it see less demand, shrink the factor, and swing back and forth.
     */
    private <T> Uni<CachedRead> entry(UpstreamAuth auth, Endpoint endpoint, long siteId, UpstreamQuery query, ReadKey key,
            Function<String, Uni<T>> request, Duration maxAge, Operation operation) {
        String identity = auth.key().identity();
        freshness.asked(identity, key.encoded(), policy.wantedAge(endpoint, query, maxAge));
        double factor = freshness.factor(identity);
        metrics.freshnessFactor(auth, factor);
        operation.planned(factor);
        return generations.current(siteId, endpoint).chain(generation -> store.get(key)
                .map(entry -> entry != null && entry.generation() == generation ? entry : null)
                .chain(cached -> {
                    Instant now = clock.instant();
                    if (cached != null && (maxAge != null
                            ? policy.isFreshFor(cached, endpoint, query, maxAge, now, factor)
                            : policy.isFresh(cached, endpoint, now, factor))) {
                        metrics.cacheLookup("hit");
                        operation.cacheHit();
                        if (factor > 1 && !cached.isFreshAt(now)) {
                            operation.stretched(factor);
                        }
                        return Uni.createFrom().item(cached);
                    }
                    CachedRead servable = cached != null && now.isBefore(policy.keepUntil(cached)) ? cached : null;
                    return budget.snapshot(auth.key()).chain(left -> {
                        metrics.budgetRemaining(auth, left.remaining());
                        if (servable != null && left.low()) {
                            return stale(servable, operation);
                        }
                        if (left.spent()) {
                            return Uni.createFrom().failure(
                                    UpstreamFailure.notSent(endpoint, UpstreamFailure.Kind.BUDGET_SPENT, left.retryAfterSeconds()));
                        }
                        metrics.cacheLookup("miss");
                        if (!operation.tryUpstreamCall(endpoint.rowsAsked(query.asMap()))) {
                            return Uni.createFrom().failure(
                                    UpstreamFailure.notSent(endpoint, UpstreamFailure.Kind.OPERATION_CAP_REACHED));
                        }
                        return fetch(auth, endpoint, query, key, generation, request)
                                .onFailure(failure -> servable != null && ((UpstreamFailure) failure).isTemporary())
                                .recoverWithUni(failure -> stale(servable, operation));
                    });
                }));
    }

    /**
     * An uncached request (a write), sent at most once. Refused without a call when the key's budget is spent, since
     * upstream would only answer 429.
     */
    public <T> Uni<T> write(UpstreamAuth auth, Endpoint endpoint, Function<String, Uni<T>> request) {
        if (!operations.current().tryUpstreamCall()) {
            return Uni.createFrom().failure(UpstreamFailure.notSent(endpoint, UpstreamFailure.Kind.OPERATION_CAP_REACHED));
        }
        return send(auth, endpoint, request);
    }

    /**
     * After a successful write to a site: drops the cached reads the write changed ({@link Endpoint#invalidates()}),
     * for every key. Never fails: the write is already done upstream, and an error here would invite the caller to
     * send it again; reads that could not be invalidated only lag until their entries expire.
     */
    public Uni<Void> written(Endpoint write, long siteId) {
        return generations.bump(siteId, write.invalidates())
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("%s for site %d succeeded but its cached reads could not be dropped (%s)", write.route(),
                            siteId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    private static boolean isAbsent(Endpoint endpoint, Throwable failure) {
        return failure instanceof UpstreamFailure upstream && switch (endpoint.absent()) {
            case NEVER -> false;
            case WHEN_NOT_FOUND -> upstream.isStatus(404);
            case WHEN_FEATURE_OFF -> upstream.isStatus(403) && upstream.saysFeatureOff();
        };
    }

    private <T> Uni<CachedRead> fetch(UpstreamAuth auth, Endpoint endpoint, UpstreamQuery query, ReadKey key,
            long generation, Function<String, Uni<T>> request) {
        // An "absent" answer (an unknown site, monitoring off) is an answer like any other: cached for the endpoint's
        // TTL as a null, so a dashboard polling a site without uptime does not ask upstream on every poll.
        Supplier<Uni<CachedRead>> fromUpstream = () -> send(auth, endpoint, request)
                .onFailure(failure -> isAbsent(endpoint, failure)).recoverWithNull()
                .chain(answer -> stored(endpoint, query, key, generation, answer));
        InFlightReads.Joined joined = inFlight.join(key, generation,
                () -> leases.fetchOnce(key, generation, fromUpstream, () -> store.get(key)));
        if (joined.coalesced()) {
            metrics.coalesced(endpoint);
        }
        return joined.read();
    }

    /** A fetched answer as a cache entry, stored unless it is already past its freshness (a leaderboard can be). */
    private Uni<CachedRead> stored(Endpoint endpoint, UpstreamQuery query, ReadKey key, long generation, Object answer) {
        Instant fetchedAt = clock.instant();
        CachedRead read = CachedRead.of(answer, mapper, fetchedAt, policy.freshUntil(endpoint, query, answer, fetchedAt),
                generation);
        return read.isFreshAt(fetchedAt)
                ? store.put(key, read, policy.keepUntil(read)).replaceWith(read)
                : Uni.createFrom().item(read);
    }

    /**
     * One logical upstream request: reads may take several attempts (see {@link UpstreamGuards}), writes one; every
     * attempt is counted in the budget and bounded by the timeout.
     */
    private <T> Uni<T> send(UpstreamAuth auth, Endpoint endpoint, Function<String, Uni<T>> request) {
        Supplier<Uni<T>> attempt = () -> attempt(auth, endpoint, request);
        return (endpoint.isWrite() ? guards.once(attempt) : guards.retried(attempt))
                .onFailure().transform(failure -> failure instanceof CircuitBreakerOpenException
                        ? UpstreamFailure.notSent(endpoint, UpstreamFailure.Kind.CIRCUIT_OPEN)
                        : UpstreamFailure.of(endpoint, failure))
                .onFailure(failure -> ((UpstreamFailure) failure).isStatus(429))
                .call(failure -> budget.blockFor(auth.key(), Duration.ofSeconds(((UpstreamFailure) failure).retryAfterSeconds()
                        .orElse(UpstreamFailure.DEFAULT_RETRY_AFTER_SECONDS))));
    }

    /**
     * One attempt: a request acquired from the key's budget first (refused without a call when spent), then sent,
     * bounded by the timeout and classified on failure so the guards decide on an {@link UpstreamFailure}.
     */
    private <T> Uni<T> attempt(UpstreamAuth auth, Endpoint endpoint, Function<String, Uni<T>> request) {
        return budget.acquire(auth, endpoint).chain(() -> request.apply(auth.key().authorizationHeader())
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout.toMillis() + " ms"))
                .onItem().invoke(() -> metrics.upstreamRequest(endpoint, "2xx"))
                .onFailure().transform(failure -> UpstreamFailure.of(endpoint, failure))
                .onFailure().invoke(failure -> metrics.upstreamRequest(endpoint, statusOf((UpstreamFailure) failure))));
    }

    private Uni<CachedRead> stale(CachedRead cached, Operation operation) {
        metrics.cacheLookup("stale");
        operation.servedStale(cached.fetchedAt());
        return Uni.createFrom().item(cached);
    }

    private static String statusOf(UpstreamFailure failure) {
        return failure.kind() == UpstreamFailure.Kind.ANSWERED_WITH_ERROR ? String.valueOf(failure.status()) : "error";
    }
}
