package app.tinylytics.gateway.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.RedisProfile;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.budget.RedisBudgetStore;

/**
 * With {@code gateway.cache.backend=redis}, cached reads and the budget live in a real Redis: what
 * one replica fetched or spent is what another replica sees.
 */
@QuarkusTest
@TestProfile(RedisProfile.class)
class RedisBackendTest {

    static final String SITES = "{\"sites\": [{\"id\": 456, \"uid\": \"abc123\", \"url\": \"https://example.com\","
            + " \"created_at\": \"2025-06-01T12:00:00Z\", \"updated_at\": \"2026-02-14T09:30:00Z\"}]}";

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    RedisDataSource redis;
    @Inject
    ReactiveRedisDataSource reactiveRedis;
    @Inject
    KeyIdentities identities;

    @BeforeEach
    void resetUpstreamAndRedis() {
        redis.flushall();
        upstream.resetAll();
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
    }

    private List<String> readKeys() {
        return List.copyOf(redis.key().keys("tinylytics-gateway:reads*"));
    }

    @Test
    void aReadIsStoredInRedisUnderTheKeyIdentityNeverTheKey() {
        GraphQL.document("sites").post().body("data.sites[0].uid", equalTo("abc123"));

        List<String> keys = readKeys();
        assertEquals(1, keys.size(), keys.toString());
        assertTrue(keys.get(0).contains(identities.of(TestKeys.SERVER_READ).identity() + "|SITES|0|"), keys.get(0));
        assertFalse(keys.get(0).contains("tly-"), keys.get(0));
    }

    @Test
    void anEntryWrittenByAnotherReplicaIsServedWithoutAnUpstreamCall() {
        GraphQL.document("sites").post();
        String key = readKeys().get(0);
        // Another replica refreshed the entry: same key, its own answer (entries are a 24-byte header, then JSON).
        byte[] entry = redis.value(byte[].class).get(key);
        String json = new String(entry, 24, entry.length - 24, StandardCharsets.UTF_8).replace("abc123", "from-another-replica");
        redis.value(byte[].class).set(key, ByteBuffer.allocate(24 + json.length()).put(entry, 0, 24)
                .put(json.getBytes(StandardCharsets.UTF_8)).array());

        // Another operation over the same read (the same one again would be answered whole from this replica's
        // operation cache, fresh as well).
        given().contentType("application/json").body(Map.of("query", "query Uids { sites { uid } }")).post("/graphql")
                .then().statusCode(200).body("data.sites[0].uid", equalTo("from-another-replica"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void requestsSpentByAnotherReplicaCountAgainstTheSameBudget() {
        RedisBudgetStore otherReplica = new RedisBudgetStore(reactiveRedis);
        for (int i = 0; i < 10; i++) {
            otherReplica.acquire(identities.of(TestKeys.SERVER_READ).identity(), null, Instant.now().toEpochMilli(), 1000, 1000)
                    .await().indefinitely();
        }

        GraphQL.document("sites").post();

        GraphQL.document("rate-limit").post().body("data.rateLimit.remaining", equalTo(1000 - 10 - 1));
    }
}
