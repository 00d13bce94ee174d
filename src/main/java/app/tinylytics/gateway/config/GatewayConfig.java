package app.tinylytics.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the gateway treats the upstream: request budget, time limits and caching. Every property has an
 * environment variable, e.g. {@code gateway.cache.ttl.analytics} is {@code GATEWAY_CACHE_TTL_ANALYTICS}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Upstream upstream();

    Cache cache();

    Budget budget();

    TimeConfig clock();

    Health health();

    Retry retry();

    CircuitBreaker circuitBreaker();

    Limits limits();

    Security security();

    WebSocket websocket();

    Live live();

    PersistedQueries persistedQueries();

    @WithName("documents")
    TrustedDocuments trustedDocuments();

    WarmUp warmUp();

    interface Upstream {
        /** Requests upstream allows per key per hour. */
        @WithDefault("1000")
        int hourlyLimit();

        /** Longest wait for one upstream answer, connect plus read. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Cache {
        /** Where cached reads and the budget live: {@code caffeine} (one instance) or {@code redis} (shared by replicas). */
        @WithDefault("caffeine")
        Backend backend();

        /** How long a read stays fresh, per kind of data. */
        Ttl ttl();

        /** How long past its freshness a read is kept to be served stale when the budget runs low or upstream is down. */
        @WithDefault("1h")
        Duration staleWindow();

        /** Memory the in-process cache of upstream reads may hold, counted in bytes of the cached JSON and keys. */
        @WithDefault("32M")
        MemorySize maxBytes();

        /**
         * Memory the cache of whole GraphQL answers may hold: an operation asked again by the same key is answered from
         * it while every read it used is fresh and unchanged by writes. 0 switches it off.
         */
        @WithDefault("16M")
        MemorySize operationMaxBytes();

        /**
         * With the Redis backend: how long one replica holds the right to fetch a read that several replicas miss at
         * once; the others wait for its answer in Redis instead of calling upstream too.
         */
        @WithDefault("3s")
        Duration fetchLease();
    }

    enum Backend {
        CAFFEINE,
        REDIS
    }

    interface Ttl {
        /** me, sites, site. */
        @WithDefault("5m")
        Duration account();

        /** hits, hit groups, kudos, journeys whose range includes today. */
        @WithDefault("60s")
        Duration analytics();

        /** hits, hit groups, kudos, journeys whose range ended before today: that data no longer changes. */
        @WithDefault("1h")
        Duration analyticsClosedRange();

        /** insights and signals. */
        @WithDefault("5m")
        Duration insights();

        /** uptime and content monitoring. */
        @WithDefault("60s")
        Duration monitoring();

        /** The leaderboard when upstream sends no {@code cache_info.expires_at}. */
        @WithDefault("5m")
        Duration leaderboardFallback();
    }

    interface Budget {
        /** Share of the hourly limit kept in reserve: below it, cached reads are served stale instead of refreshed. */
        @WithDefault("5")
        int reservePercent();

        /**
         * Share of a server key's hour one caller (a JWT subject, else a client address) may spend; beyond it that
         * caller alone is RATE_LIMITED. Forwarded keys are their owner's and have no per-caller share.
         */
        @WithDefault("20")
        int callerSharePercent();

        /**
         * The most replicas that may run at once (the HPA's maximum). While Redis is unreachable each replica spends at
         * most the limit divided by this, so together they still stay within the key's hour.
         */
        @WithDefault("1")
        int expectedReplicas();
    }

    interface TimeConfig {
        /**
         * How fast the application clock runs compared with real time. Leave at 1 in production; the
         * benchmark sets e.g. 60 to live a simulated hour in a minute.
         */
        @WithDefault("1")
        double rate();
    }

    /**
     * Retries of idempotent reads (never of writes) on connection failures, timeouts, 502/503/504 and a 429
     * whose Retry-After is short. Every attempt counts against the key's budget.
     */
    interface Retry {
        /** Attempts after the first one; 0 switches retries off. */
        @WithDefault("2")
        int maxRetries();

        /** Wait before the first retry; it doubles for each further retry. */
        @WithDefault("200ms")
        Duration delay();

        /** Random extra wait, from zero to this, added to every retry's wait so replicas do not retry in step. */
        @WithDefault("100ms")
        Duration jitter();

        /** Longest 429 Retry-After that is waited out and retried; a longer one fails at once with RATE_LIMITED. */
        @WithDefault("2s")
        Duration maxRetryAfter();

        /** No retry starts once this long has passed since the first attempt, so a read stays bounded. */
        @WithDefault("12s")
        Duration maxDuration();
    }

    /**
     * The circuit breaker around the upstream: when enough of the recent requests failed (no answer or a 5xx),
     * calls fail fast with UPSTREAM_UNAVAILABLE (cached reads are served stale) until a probe after the delay
     * succeeds.
     */
    interface CircuitBreaker {
        /** How many recent requests are looked at; the circuit cannot open before that many were made. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of failures among those requests, 0 to 1, that opens the circuit. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before a probe request is let through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful probes needed to close the circuit again. */
        @WithDefault("1")
        int successThreshold();
    }

    /** Limits on what one GraphQL request may ask for, checked before any upstream call. */
    interface Limits {
        /** Upstream calls one operation may plan: root fields plus upstream-backed fields per site they return. */
        @WithDefault("50")
        int maxUpstreamCalls();

        /** {@code site} fields (aliases included) one operation may select. */
        @WithDefault("10")
        int maxSiteFields();

        /**
         * Rows one operation may ask upstream for: the sum of its paged fields' {@code perPage} (100 where absent), so
         * one operation cannot fill the gateway's memory with pages of 1000 rows.
         */
        @WithDefault("10000")
        int maxRows();

        /** Rows one batch mutation may carry (it is sent upstream in chunks of 500). */
        @WithDefault("5000")
        int maxBatchRows();
    }

    /**
     * Who may make the gateway use its own keys, and how keys are identified inside it. Callers that forward their
     * own {@code Bearer tly-…} key are not asked: upstream decides what that key may do.
     */
    interface Security {
        /**
         * Serve queries with the server read key to any caller that reaches the port, for a closed network. Without
         * it (and without JWT), server-key requests are refused with UNAUTHENTICATED. Dev and tests switch it on.
         */
        @WithDefault("false")
        boolean openReads();

        /**
         * Let mutations use the server write key without a JWT carrying the writer role. Off in prod: a gateway
         * anyone can reach must not write with the server's key. Dev and tests switch it on.
         */
        @WithDefault("false")
        boolean openWrites();

        /** Role a verified JWT must carry (in {@code groups}) to make mutations with the server write key. */
        @WithDefault("tinylytics-writer")
        String writeRole();

        /**
         * The secret that keys the hash identifying API keys inside the gateway (caches, budgets, Redis). Replicas
         * sharing Redis must share it (a Kubernetes Secret); when unset, one is generated at start-up.
         */
        Optional<String> keyIdentitySecret();

        /** JWT verification of the frontends, off unless a public key is configured. */
        Jwt jwt();

        /**
         * Addresses (or CIDR ranges) of the reverse proxies in front of the gateway: only from them is
         * {@code X-Forwarded-For} believed when telling callers apart for their budget share.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Jwt {
        /**
         * Where the PEM public key (or JWK set) that signs the frontends' JWTs is: {@code file:/...},
         * {@code classpath:...} or {@code https://...}. When set, using the server keys needs a valid JWT, and
         * {@code issuer} and {@code audience} are required.
         */
        Optional<String> publicKeyLocation();

        /** The {@code iss} the JWTs must carry. */
        Optional<String> issuer();

        /** An {@code aud} the JWTs must carry. */
        Optional<String> audience();
    }

    /** Live queries ({@code Subscription.siteUpdates}). */
    interface Live {
        /** The shortest refresh interval a subscriber may ask for ({@code everySeconds}). */
        @WithDefault("30")
        int minEverySeconds();
    }

    /** GraphQL over WebSocket (graphql-transport-ws) on the GraphQL path, for subscriptions. */
    interface WebSocket {
        /** Accept WebSocket connections at all. */
        @WithDefault("true")
        boolean enabled();

        /** How long a new connection may take to send {@code connection_init} before it is closed (4408). */
        @WithDefault("10s")
        Duration initTimeout();

        /** Operations one connection may run at once. */
        @WithDefault("10")
        int maxSubscriptionsPerConnection();

        /** Operations one caller (JWT subject, else client address) may run at once over all its connections. */
        @WithDefault("20")
        int maxSubscriptionsPerCaller();
    }

    /**
     * Automatic persisted queries (Apollo's protocol): a client sends a document's SHA-256 instead of the document, and
     * the document once more only when the gateway does not know the hash yet.
     */
    interface PersistedQueries {
        /**
         * Memory the documents registered by clients may hold, counted in characters plus a per-entry overhead; no
         * single document larger than a 64th of it is kept. 0 switches automatic persisted queries off: a hash is then
         * answered PERSISTED_QUERY_NOT_SUPPORTED and clients fall back to sending documents.
         */
        @WithDefault("4M")
        MemorySize maxBytes();
    }

    /** Trusted documents: the operations a deployment runs, known before it starts. */
    interface TrustedDocuments {
        /**
         * A persisted-query manifest (Apollo's {@code apollo-persisted-query-manifest} JSON, or a JSON object of SHA-256
         * hash to document as GraphQL Codegen writes it). When set, only its operations run, over HTTP and WebSocket
         * alike, and a manifest that cannot be read, whose ids are not the SHA-256 of their bodies, or whose documents
         * do not validate against the schema stops the gateway from starting.
         */
        Optional<Path> manifest();
    }

    interface Health {
        /** How long the verdict of the upstream probe (health group {@code upstream}) is reused before asking again. */
        @WithDefault("10s")
        Duration probeInterval();
    }

    /**
     * The warm-up before readiness (warmup/HotPathWarmUp): repeated queries the gateway sends itself over loopback,
     * answered from the operation cache, so that a new replica is compiled before it takes traffic.
     */
    interface WarmUp {
        /** Requests to send; 0 switches the warm-up off (the gateway is then ready at once). */
        @WithDefault("20000")
        int requests();

        /** The longest the warm-up may hold readiness back, however many requests remain. */
        @WithDefault("15s")
        Duration maxDuration();
    }
}
