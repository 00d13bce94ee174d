package app.tinylytics.gateway.upstream.budget;

import java.util.UUID;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

import app.tinylytics.gateway.common.Sha256;

/**
 * The request counts in Redis, shared by every replica: per key (and per share holder) a sorted set of request times,
 * checked and counted by one Lua script so that replicas racing for the last requests cannot overshoot. Budget keys
 * carry no TTL, so a {@code volatile-*} eviction policy (cache entries always have one) can never evict them; the
 * script itself forgets sets idle for a whole window, through an index of last use.
 */
public final class RedisBudgetStore implements BudgetStore {

    static final String PREFIX = "tinylytics-gateway:budget:";
    private static final String INDEX = PREFIX + "index";

    /** KEYS: log, block, share log ('' for none), index. ARGV: now, window, key limit, share limit, member. */
    private static final String ACQUIRE = """
            local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
            local since = now - window
            local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
            if blocked > now then return {0, 1, blocked, redis.call('ZCARD', KEYS[1])} end
            if blocked > 0 then redis.call('DEL', KEYS[2]) end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', since)
            local count = redis.call('ZCARD', KEYS[1])
            if count >= tonumber(ARGV[3]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return {0, 2, tonumber(oldest[2]) + window, count}
            end
            if KEYS[3] ~= '' then
              redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', since)
              if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[4]) then
                local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
                return {0, 3, tonumber(oldest[2]) + window, count}
              end
              redis.call('ZADD', KEYS[3], now, ARGV[5])
              redis.call('ZADD', KEYS[4], now, KEYS[3])
            end
            redis.call('ZADD', KEYS[1], now, ARGV[5])
            redis.call('ZADD', KEYS[4], now, KEYS[1])
            local idle = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', since, 'LIMIT', 0, 8)
            for _, key in ipairs(idle) do
              redis.call('DEL', key)
              redis.call('ZREM', KEYS[4], key)
            end
            return {1, 0, 0, count + 1}
            """;

    /** KEYS: log, block, share log ('' for none). ARGV: now, window. */
    private static final String USAGE = """
            local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
            local since = now - window
            local function counted(key)
              if key == '' then return 0, 0 end
              redis.call('ZREMRANGEBYSCORE', key, '-inf', since)
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return redis.call('ZCARD', key), (oldest[2] and tonumber(oldest[2]) or 0)
            end
            local count, oldest = counted(KEYS[1])
            local shares, shareOldest = counted(KEYS[3])
            local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
            if blocked <= now then blocked = 0 end
            return {count, oldest, blocked, shares, shareOldest}
            """;

    /** KEYS: block, index. ARGV: until. */
    private static final String BLOCK = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            local blockedUntil = tonumber(ARGV[1])
            if blockedUntil > current then redis.call('SET', KEYS[1], blockedUntil) end
            redis.call('ZADD', KEYS[2], blockedUntil, KEYS[1])
            return 1
            """;

    private final ReactiveRedisDataSource redis;

    public RedisBudgetStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<Grant> acquire(String keyIdentity, String shareHolder, long nowMillis, int keyLimit, int shareLimit) {
        String member = nowMillis + ":" + UUID.randomUUID();
        return redis.execute("EVAL", ACQUIRE, "4", log(keyIdentity), block(keyIdentity), share(keyIdentity, shareHolder),
                INDEX, Long.toString(nowMillis), Long.toString(WINDOW_MILLIS), Integer.toString(keyLimit),
                Integer.toString(shareLimit), member)
                .map(RedisBudgetStore::grant);
    }

    @Override
    public Uni<Usage> usage(String keyIdentity, String shareHolder, long nowMillis) {
        return redis.execute("EVAL", USAGE, "3", log(keyIdentity), block(keyIdentity), share(keyIdentity, shareHolder),
                Long.toString(nowMillis), Long.toString(WINDOW_MILLIS))
                .map(r -> new Usage(r.get(0).toInteger(), r.get(1).toLong(), r.get(2).toLong(), r.get(3).toInteger(),
                        r.get(4).toLong()));
    }

    @Override
    public Uni<Void> blockUntil(String keyIdentity, long untilMillis) {
        return redis.execute("EVAL", BLOCK, "2", block(keyIdentity), INDEX, Long.toString(untilMillis)).replaceWithVoid();
    }

    /** Counts requests made elsewhere (while this replica could not reach Redis) into the shared window. */
    Uni<Void> record(String keyIdentity, String shareHolder, long atMillis) {
        String member = atMillis + ":" + UUID.randomUUID();
        Uni<Response> key = redis.execute("ZADD", log(keyIdentity), Long.toString(atMillis), member);
        return shareHolder == null ? key.replaceWithVoid()
                : key.chain(() -> redis.execute("ZADD", share(keyIdentity, shareHolder), Long.toString(atMillis), member))
                        .replaceWithVoid();
    }

    private static Grant grant(Response response) {
        int keyCount = response.get(3).toInteger();
        if (response.get(0).toInteger() == 1) {
            return Grant.granted(keyCount);
        }
        Refusal refusal = switch (response.get(1).toInteger()) {
            case 1 -> Refusal.BLOCKED;
            case 2 -> Refusal.KEY_SPENT;
            default -> Refusal.SHARE_SPENT;
        };
        return Grant.refused(refusal, response.get(2).toLong(), keyCount);
    }

    private static String log(String keyIdentity) {
        return PREFIX + keyIdentity + ":log";
    }

    private static String block(String keyIdentity) {
        return PREFIX + keyIdentity + ":block";
    }

    /** A share holder is named by a hash: its address or subject need not sit in Redis in clear. */
    private static String share(String keyIdentity, String shareHolder) {
        return shareHolder == null ? "" : PREFIX + keyIdentity + ":share:" + Sha256.hex(shareHolder).substring(0, 32);
    }

}
