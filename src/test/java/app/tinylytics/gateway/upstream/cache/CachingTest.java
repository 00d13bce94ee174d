package app.tinylytics.gateway.upstream.cache;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.security.KeyIdentities;
import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.TestKeys;
import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.TinylyticsClient;
import app.tinylytics.gateway.upstream.UpstreamAccess;
import app.tinylytics.gateway.upstream.UpstreamAuth;
import app.tinylytics.gateway.upstream.UpstreamQuery;
import app.tinylytics.testing.MovableClock;

/** The caching policy, proven by counting upstream requests: freshness, per-entry expiry, key isolation, coalescing, invalidation. */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class CachingTest {

    static final String SITES = "{\"sites\": [{\"id\": 456, \"uid\": \"abc123\", \"url\": \"https://example.com\","
            + " \"created_at\": \"2025-06-01T12:00:00Z\", \"updated_at\": \"2026-02-14T09:30:00Z\"}]}";

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    MovableClock clock;
    @Inject
    Clock appClock;
    @Inject
    TinylyticsClient tinylytics;
    @Inject
    UpstreamAccess access;
    @Inject
    CachePolicy policy;
    @Inject
    KeyIdentities identities;

    private UpstreamAuth serverKey() {
        return UpstreamAuth.forwarded(identities.of(TestKeys.SERVER_READ));
    }

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void repeatedQueriesWithinTheTtlCallUpstreamOnce() {
        for (int i = 0; i < 3; i++) {
            GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"));
        }

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void aReadIsRefetchedOnceItsTtlHasPassed() {
        GraphQL.document("sites-ids").post();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        GraphQL.document("sites-ids").post();

        upstream.verify(2, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void twoKeysNeverShareAnEntry() {
        GraphQL.document("sites-ids").post();
        GraphQL.document("sites-ids").withKey(TestKeys.CALLER_READ).post();

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites"))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.SERVER_READ))));
        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites"))
                .withHeader("Authorization", WireMock.equalTo(TestKeys.bearer(TestKeys.CALLER_READ))));
    }

    @Test
    void twoAliasesInOneQueryMakeOneUpstreamCall() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES).withFixedDelay(300)));

        GraphQL.document("sites-twice").post()
                .body("data.first[0].id", equalTo("456"))
                .body("data.second[0].id", equalTo("456"));

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void twoConcurrentRequestsMakeOneUpstreamCall() {
        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES).withFixedDelay(500)));

        List<CompletableFuture<Void>> requests = List.of(
                CompletableFuture.runAsync(() -> GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"))),
                CompletableFuture.runAsync(() -> GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"))));
        requests.forEach(CompletableFuture::join);

        upstream.verify(1, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void defaultsAndTheSameExplicitDefaultsShareAnEntry() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson("{\"hits\": []}")));
        LocalDate today = LocalDate.ofInstant(appClock.instant(), ZoneOffset.UTC);

        tinylytics.hits(serverKey(), 456, UpstreamQuery.create()).await().indefinitely();
        tinylytics.hits(serverKey(), 456, UpstreamQuery.create()
                .with("start_date", today.minusDays(30)).with("end_date", today)).await().indefinitely();

        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void leaderboardIsCachedUntilItsExpiresAtAndRefetchedRightAfter() {
        var expiresAt = appClock.instant().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard"))
                .willReturn(okJson(leaderboard(expiresAt.toString()))));

        readLeaderboard();
        clock.advance(Duration.between(appClock.instant(), expiresAt).minusSeconds(2));
        readLeaderboard();
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));

        clock.advance(Duration.ofSeconds(3));
        readLeaderboard();
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));
    }

    @Test
    void leaderboardAlreadyExpiredIsNeverCached() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard"))
                .willReturn(okJson(leaderboard(appClock.instant().minusSeconds(60).toString()))));

        readLeaderboard();
        readLeaderboard();

        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));
    }

    @Test
    void leaderboardWithoutExpiryFallsBackToItsConfiguredTtl() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/leaderboard")).willReturn(okJson("{\"leaderboard\": []}")));

        readLeaderboard();
        clock.advance(Duration.ofMinutes(4));
        readLeaderboard();
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));

        clock.advance(Duration.ofMinutes(2));
        readLeaderboard();
        upstream.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/leaderboard")));
    }

    @Test
    void failuresAreNeverCached() {
        upstream.stubFor(get("/api/v1/sites").willReturn(aResponse().withStatus(500)));
        GraphQL.document("sites-ids").post().body("errors[0].extensions.code", equalTo("UPSTREAM_ERROR"));

        upstream.stubFor(get("/api/v1/sites").willReturn(okJson(SITES)));
        GraphQL.document("sites-ids").post().body("data.sites[0].id", equalTo("456"));

        upstream.verify(2, getRequestedFor(urlEqualTo("/api/v1/sites")));
    }

    @Test
    void invalidatingASitesKudosDropsOnlyThoseReads() {
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/kudos")).willReturn(okJson("{\"kudos\": []}")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/457/kudos")).willReturn(okJson("{\"kudos\": []}")));
        upstream.stubFor(get(urlPathEqualTo("/api/v1/sites/456/hits")).willReturn(okJson("{\"hits\": []}")));
        UpstreamAuth otherKey = UpstreamAuth.forwarded(identities.of(TestKeys.CALLER_READ));
        Runnable readAll = () -> {
            tinylytics.kudos(serverKey(), 456, UpstreamQuery.create()).await().indefinitely();
            tinylytics.kudos(otherKey, 456, UpstreamQuery.create()).await().indefinitely();
            tinylytics.kudos(serverKey(), 457, UpstreamQuery.create()).await().indefinitely();
            tinylytics.hits(serverKey(), 456, UpstreamQuery.create()).await().indefinitely();
        };

        readAll.run();
        access.written(Endpoint.GIVE_KUDO, 456).await().indefinitely();
        readAll.run();

        upstream.verify(4, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/kudos")));
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/457/kudos")));
        upstream.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/sites/456/hits")));
    }

    @Test
    void cacheKeysHoldTheKeyIdentityNeverTheKey() {
        String identity = identities.of(TestKeys.SERVER_READ).identity();
        ReadKey key = policy.keyFor(identity, Endpoint.KUDOS, 456, UpstreamQuery.create().with("page", 2));

        assertEquals(identity + "|KUDOS|456|end_date=" + today() + "&page=2&start_date=" + today().minusDays(30),
                key.encoded());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(appClock.instant(), ZoneOffset.UTC);
    }

    private void readLeaderboard() {
        tinylytics.leaderboard(serverKey(), 456, UpstreamQuery.create()).await().indefinitely();
    }

    private static String leaderboard(String expiresAt) {
        return "{\"leaderboard\": [{\"path\": \"/\", \"total_hits\": 5, \"unique_hits\": 3, \"percentage\": 100.0}],"
                + " \"cache_info\": {\"cached_at\": \"2026-02-14T09:00:00Z\", \"expires_at\": \"" + expiresAt + "\"}}";
    }
}
