package app.tinylytics.gateway.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;


import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.RedisOutageProfile;
import app.tinylytics.gateway.support.RedisServer;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.shared.SharedState;

/** Redis is a helper, not a single point of failure: while it is away, reads are answered from this process. */
@QuarkusTest
@TestProfile(RedisOutageProfile.class)
class RedisOutageTest {

    static final String SITES = "{\"sites\": [{\"id\": 456, \"uid\": \"abc123\", \"url\": \"https://example.com\","
            + " \"created_at\": \"2025-06-01T12:00:00Z\", \"updated_at\": \"2026-02-14T09:30:00Z\"}]}";

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    SharedState shared;
    @Inject
    RedisDataSource redis;

    @AfterEach
    void redisBack() {
        RedisServer.current().restartIfDown(shared);
    }

    @Test
    void withRedisStoppedReadsAreStillAnsweredAndTheReplicaRejoinsWhenItReturns() {
        upstream.resetAll();
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
        RedisServer.current().stopProcess();

        GraphQL.document("sites").post().body("data.sites[0].uid", equalTo("abc123"));
        GraphQL.document("rate-limit").post().body("data.rateLimit.limit", equalTo(1000));
        given().get("/q/metrics").then().body(containsString("gateway_shared_state_up 0.0"));

        RedisServer.current().restartProcess();
        RedisServer.awaitShared(shared, true);
        GraphQL.document("sites").post().body("data.sites[0].uid", equalTo("abc123"));
        given().get("/q/metrics").then().body(containsString("gateway_shared_state_up 1.0"));
    }
}
