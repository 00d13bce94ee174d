package app.tinylytics.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.mutiny.Uni;

import app.tinylytics.gateway.config.GatewayConfig;
import app.tinylytics.gateway.error.GatewayException;
import app.tinylytics.gateway.error.QueryTooExpensiveException;
import app.tinylytics.gateway.error.RateLimitedException;
import app.tinylytics.gateway.error.UpstreamErrorTranslator;
import app.tinylytics.gateway.error.UpstreamUnavailableException;
import app.tinylytics.gateway.observability.OperationLog;
import app.tinylytics.gateway.observability.OperationStats;
import app.tinylytics.gateway.upstream.budget.RequestBudget;
import app.tinylytics.gateway.upstream.cache.CacheKey;
import app.tinylytics.gateway.upstream.cache.CachePolicy;
import app.tinylytics.gateway.upstream.cache.CachedRead;
import app.tinylytics.gateway.upstream.cache.InFlightReads;
import app.tinylytics.gateway.upstream.cache.ReadCache;
import app.tinylytics.gateway.upstream.cache.StaleNotice;

/**
 * Every upstream request passes here. Reads are served from cache while fresh, coalesced when
 * identical ones are in flight, and served stale rather than spending the last of the key's budget
 * or when upstream is unreachable. Every attempt is counted against the budget and bounded by the
 * timeout, reads are retried and all requests pass the circuit breaker ({@link UpstreamGuards}), and
 * any failure leaves as a coded {@link GatewayException}.
 */
@ApplicationScoped
public class UpstreamAccess {

    private final RequestBudget budget;
    private final ReadCache cache;
    private final CachePolicy policy;
    private final InFlightReads inFlight;
    private final UpstreamMetrics metrics;
    private final OperationLog operations;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration timeout;
    private final UpstreamGuards guards;
    private final int maxCallsPerOperation;

    UpstreamAccess(RequestBudget budget, ReadCache cache, CachePolicy policy, InFlightReads inFlight,
            UpstreamMetrics metrics, OperationLog operations, ObjectMapper mapper, Clock clock, GatewayConfig config,
            UpstreamGuards guards) {
        this.budget = budget;
        this.cache = cache;
        this.policy = policy;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.operations = operations;
        this.mapper = mapper;
        this.clock = clock;
        this.timeout = config.upstream().timeout();
        this.guards = guards;
        this.maxCallsPerOperation = config.limits().maxUpstreamCalls();
    }

    /**
     * A cached read. {@code request} receives the {@code Authorization} header value and is invoked
     * only when upstream must be asked.
     */
    public <T> Uni<T> read(Endpoint endpoint, ApiKey key, long siteId, UpstreamQuery query, Class<T> type,
            Function<String, Uni<T>> request) {
        CacheKey cacheKey = policy.keyFor(key.fingerprint(), endpoint, siteId, query);
        StaleNotice notice = StaleNotice.forCurrentRequest();
        OperationStats stats = operations.current();
        return cache.get(cacheKey).chain(cached -> {
            Instant now = clock.instant();
            if (cached != null && cached.isFreshAt(now)) {
                metrics.cacheLookup("hit");
                stats.cacheHit();
                return Uni.createFrom().item(cached.value(type, mapper));
            }
            return budget.snapshot(key).chain(left -> {
                metrics.budgetRemaining(key.fingerprint(), left.remaining());
                if (cached != null && left.low()) {
                    return stale(cached, type, notice, stats);
                }
                if (left.spent()) {
                    return Uni.createFrom().failure(budgetSpent(left));
                }
                metrics.cacheLookup("miss");
                if (!withinLimit(stats)) {
                    return Uni.createFrom().failure(tooManyCalls());
                }
                return fetch(endpoint, key, query, cacheKey, request)
                        .map(read -> read.value(type, mapper))
                        .onFailure(f -> cached != null && isUpstreamTrouble(f))
                        .recoverWithUni(f -> stale(cached, type, notice, stats));
            });
        });
    }

    /**
     * An uncached request (writes). Refused without a call when the key's budget is spent, since
     * upstream would only answer 429.
     */
    public <T> Uni<T> call(Endpoint endpoint, ApiKey key, Function<String, Uni<T>> request) {
        OperationStats stats = operations.current();
        if (!withinLimit(stats)) {
            return Uni.createFrom().failure(tooManyCalls());
        }
        return budget.snapshot(key).chain(left -> left.spent()
                ? Uni.createFrom().failure(budgetSpent(left))
                : send(endpoint, key, request));
    }

    /** Drops the cached reads of one site for the given endpoints, for every key. */
    public Uni<Void> invalidate(long siteId, java.util.Set<Endpoint> endpoints) {
        return cache.invalidateIf(entry -> entry.siteId() == siteId && endpoints.contains(entry.endpoint()));
    }

    private <T> Uni<CachedRead> fetch(Endpoint endpoint, ApiKey key, UpstreamQuery query, CacheKey cacheKey,
            Function<String, Uni<T>> request) {
        InFlightReads.Joined joined = inFlight.join(cacheKey, () -> send(endpoint, key, request).chain(answer -> {
            Instant fetchedAt = clock.instant();
            CachedRead read = CachedRead.of(answer, mapper, fetchedAt, policy.freshUntil(endpoint, query, answer, fetchedAt));
            return read.isFreshAt(fetchedAt) ? cache.put(cacheKey, read).replaceWith(read) : Uni.createFrom().item(read);
        }));
        if (joined.coalesced()) {
            metrics.coalesced(endpoint);
        }
        return joined.read();
    }

    /**
     * One logical upstream request: reads may take several attempts (see {@link UpstreamGuards}), writes one;
     * every attempt is counted in the budget and bounded by the timeout, and the outcome leaves coded.
     */
    private <T> Uni<T> send(Endpoint endpoint, ApiKey key, Function<String, Uni<T>> request) {
        Supplier<Uni<T>> attempt = () -> attempt(endpoint, key, request);
        return (endpoint.isWrite() ? guards.write(attempt) : guards.read(attempt))
                .onFailure(CircuitBreakerOpenException.class).transform(f -> UpstreamGuards.circuitOpen(endpoint))
                .onFailure().transform(f -> UpstreamErrorTranslator.translate(endpoint, f))
                .onFailure(RateLimitedException.class).call(f -> budget.blockFor(key,
                        Duration.ofSeconds(((RateLimitedException) f).retryAfterSeconds())));
    }

    /**
     * One attempt. An HTTP error answer stays an {@link UpstreamException} (its status and Retry-After decide
     * about retrying); anything else is translated here, so a timeout or lost connection reads as unavailable.
     */
    private <T> Uni<T> attempt(Endpoint endpoint, ApiKey key, Function<String, Uni<T>> request) {
        return budget.record(key)
                .chain(() -> request.apply(key.authorizationHeader()))
                .ifNoItem().after(timeout).failWith(() -> new UpstreamUnavailableException(
                        "Tinylytics did not answer " + endpoint.route() + " within " + timeout.toMillis() + " ms."))
                .onItem().invoke(() -> metrics.upstreamRequest(endpoint, "2xx"))
                .onFailure().invoke(f -> metrics.upstreamRequest(endpoint, statusOf(f)))
                .onFailure(f -> !(f instanceof UpstreamException)).transform(f -> UpstreamErrorTranslator.translate(endpoint, f));
    }

    private <T> Uni<T> stale(CachedRead cached, Class<T> type, StaleNotice notice, OperationStats stats) {
        metrics.cacheLookup("stale");
        stats.staleHit();
        notice.servedStale(cached.fetchedAt());
        return Uni.createFrom().item(cached.value(type, mapper));
    }

    /**
     * The planned-calls check ({@code security/GraphQLRequestGuard}) cannot know how many sites a list returns;
     * this counts (and caps) the calls an operation really makes, so no operation exceeds the limit either way.
     */
    private boolean withinLimit(OperationStats stats) {
        if (stats == OperationLog.DETACHED) {
            return true; // not inside a GraphQL operation (e.g. a test calling the client directly)
        }
        return stats.upstreamCallWithin(maxCallsPerOperation);
    }

    private QueryTooExpensiveException tooManyCalls() {
        return new QueryTooExpensiveException("This operation reached the limit of " + maxCallsPerOperation
                + " upstream calls (GATEWAY_LIMITS_MAX_UPSTREAM_CALLS); ask for fewer fields or sites per operation.");
    }

    private static boolean isUpstreamTrouble(Throwable failure) {
        return failure instanceof UpstreamUnavailableException || failure instanceof RateLimitedException;
    }

    private static RateLimitedException budgetSpent(RequestBudget.Snapshot left) {
        return new RateLimitedException("The gateway's upstream budget for this key is spent ("
                + left.limit() + " requests per hour); no request was sent.", left.retryAfterSeconds());
    }

    private static String statusOf(Throwable failure) {
        return failure instanceof UpstreamException upstream ? String.valueOf(upstream.status()) : "error";
    }
}
