package app.tinylytics.gateway.security.hostile;

/**
 * The attacks of the hostile-caller suite, one row each of the README's "Hostile callers" table: what is tried and what
 * the gateway does about it. The third column, what was measured, comes from the suite's run (see {@link AttackReport}).
 */
enum Attack {

    CACHE_POISONING("Cache poisoning: `hits(path: \"/a&referrer=x\")` against `hits(path: \"/a\", referrer: \"x\")`, and"
            + " values with `&`, `=`, `%`, `+`, `\\|`, `{}`, `#`, `?`, unicode, empty against absent",
            "every argument is its own percent-encoded upstream parameter; read and answer cache keys are built"
                    + " structurally, per key identity"),
    CROSS_KEY_READS("Cross-key reads after another key warmed the cache: a second key, a key one character off,"
            + " keys whose SHA-256 or HMAC identity shares that key's first 20 bits, `bearer` in lower case, a JWT whose"
            + " `sub` is that key",
            "each caller gets only what was fetched with its own key (the JWT: the server key's)"),
    CRAFTED_AUTHORIZATION("Crafted `Authorization`: two headers, `Bearer<TAB>tly-…`, `Token tly-…`, `Basic`, trailing"
            + " junk, two credentials in one value, an empty or non-Latin-1 value, a key without `Bearer`; the same in"
            + " `connection_init`",
            "refused as malformed, never the server key: `UNAUTHENTICATED`, or WebSocket close 4403"),
    BUDGET_DRAIN("One caller draining a server key's hour (open reads, 50 requests an hour)",
            "that caller alone is `RATE_LIMITED` at its 20 % share, with `retryAfterSeconds`;"
                    + " `rateLimit.callerShare` shows it; other callers are served"),
    FORWARDED_FOR_SPOOFING("`X-Forwarded-For` spoofed by a caller that is not a trusted proxy",
            "ignored: only `GATEWAY_SECURITY_TRUSTED_PROXIES` are believed"),
    QUERY_BOMBS("Query bombs over POST, GET and WebSocket: aliases, fragments (doubling, cyclic, duplicated spreads),"
            + " depth, 3000 variables, a huge variable value, a batch of 6000 rows, 100 operations, repeated directives,"
            + " 20 000 tokens",
            "refused whole before anything runs, each with its code"),
    FAN_OUT("Fan-out the plan cannot see: `sites { hits }` for a key with 80 sites (planned 2 calls, 81 to run), and"
            + " with `perPage: 1000` (planned 1000 rows, 80 000 to fetch)",
            "the operation's calls and rows stop at `GATEWAY_LIMITS_MAX_UPSTREAM_CALLS` (50) and `GATEWAY_LIMITS_MAX_ROWS`"
                    + " (10 000) as they are made; the rest fail alone"),
    BATCHING("Batching: a JSON array of 1000 operations in one POST, `query` twice in one GET, 100 operations in one"
            + " document",
            "no batching: 400 before anything runs; several operations need `operationName`, and run one"),
    PERSISTED_QUERY_POISONING("Persisted queries: another document registered under a victim document's hash; a bomb"
            + " registered by its own hash, then run by hash alone; a document registered by one caller run by another",
            "a document is kept only under its own SHA-256; by hash it passes the same checks and runs with the caller's"
                    + " own key"),
    HTTP_CACHE_REPLAY("HTTP caching: another caller's `ETag`, or `*`, in `If-None-Match`, with another, an unknown or"
            + " no key",
            "a 304 only for the caller's own answer, computed with its own key; `Cache-Control: private`,"
                    + " `Vary: Authorization`"),
    FORGED_JWTS("JWTs: another key's signature, the attacker's key as `jwk` or `jku` in the header, a tampered payload,"
            + " `alg: none`, HS256 keyed with the public key, expired,"
            + " not yet valid, wrong audience, wrong issuer, no or blank `sub`",
            "`UNAUTHENTICATED` (WebSocket: 4403), reads and writes alike, never the server keys; a valid JWT reads, and"
                    + " writes only with the writer role"),
    OVERSIZED("Oversized request line, headers and body (declared, sent, chunked); a gzip bomb; an oversized WebSocket"
            + " message, whole or in frames",
            "GraphQL-shaped 414, 431 and 413 (beyond Vert.x's own limits its bare 414 or 431); compressed bodies are"
                    + " refused (415), never inflated; WebSocket close 1009"),
    WEBSOCKET_ABUSE("WebSocket protocol abuse: a foreign `Origin`, no `connection_init`, `subscribe` before it, a"
            + " second `connection_init`, a reused id, malformed messages, 11 subscriptions on one connection",
            "the upgrade refused (403) or the connection closed with graphql-transport-ws's code; at most 10"
                    + " subscriptions per connection (`TOO_MANY_SUBSCRIPTIONS`)"),
    WEBSOCKET_SUBSCRIPTION_FLOOD("One caller holding more than its 20 subscriptions: more connections, a spoofed"
            + " `X-Forwarded-For` on the upgrade and in `connection_init`",
            "`TOO_MANY_SUBSCRIPTIONS` over all the caller's connections; only a trusted proxy's `X-Forwarded-For` names"
                    + " another caller"),
    SECURE_BY_DEFAULT("No access mode configured (the production defaults): `{ me { email } }`, `{ sites { id } }`,"
            + " `rateLimit`, a mutation, over HTTP and WebSocket",
            "the server keys are refused: `UNAUTHENTICATED` naming `GATEWAY_SECURITY_OPEN_READS` and the JWT settings,"
                    + " mutations `FORBIDDEN`; a forwarded key works"),
    CROSS_SITE("Cross-site requests: a mutation over GET; a form, multipart or text POST",
            "405 and 415 before anything runs"),
    KEYS_IN_METRICS_AND_LOGS("Keys in `/q/metrics` and the logs; a few hundred random `Bearer tly-…` keys",
            "no label or log line derived from a key; no series, and no server budget, per random key");

    private final String title;
    private final String defence;

    Attack(String title, String defence) {
        this.title = title;
        this.defence = defence;
    }

    String title() {
        return title;
    }

    String defence() {
        return defence;
    }
}
