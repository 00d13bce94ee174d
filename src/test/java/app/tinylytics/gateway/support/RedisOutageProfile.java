package app.tinylytics.gateway.support;

/**
 * The Redis profile for tests that stop and restart redis-server: a profile of its own, so their outages never
 * reach the tests of {@link RedisProfile}.
 */
public class RedisOutageProfile extends RedisProfile {
}
