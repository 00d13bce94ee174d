package app.tinylytics.simulator;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SimulatorLeaderboardTest extends FreshSimulator {

    private static final String LEADERBOARD = SimulatorApi.BASE + "/sites/456/leaderboard";

    @Test
    void documentedExampleFiltersPathsContainingBlog() {
        SimulatorApi.alice().queryParam("path", "blog").get(LEADERBOARD).then().statusCode(200)
                .body("leaderboard.size()", greaterThan(0))
                .body("leaderboard.path", everyItem(containsStringIgnoringCase("blog")))
                .body("leaderboard[0].total_hits", greaterThan(0))
                .body("leaderboard[0].unique_hits", greaterThan(0))
                .body("leaderboard[0].percentage", instanceOf(Float.class))
                .body("site.id", equalTo(456))
                .body("site.uid", equalTo("abc123"))
                .body("site.url", equalTo("https://example.com"))
                .body("site.label", equalTo("My Blog"))
                .body("pagination.per_page", equalTo(100))
                .body("filters.path", equalTo("blog"));
    }

    @Test
    void cacheInfoExpiresOneHourAfterItWasCached() {
        JsonPath json = SimulatorApi.alice().get(LEADERBOARD).then().statusCode(200).extract().jsonPath();
        Instant cachedAt = Instant.parse(json.getString("cache_info.cached_at"));
        Instant expiresAt = Instant.parse(json.getString("cache_info.expires_at"));
        assertEquals(Duration.ofHours(1), Duration.between(cachedAt, expiresAt));
    }

    @Test
    void pathFilterIsCaseInsensitive() {
        int lower = SimulatorApi.alice().queryParam("path", "blog").get(LEADERBOARD).then().extract().path("pagination.total_count");
        SimulatorApi.alice().queryParam("path", "BLOG").get(LEADERBOARD).then().body("pagination.total_count", equalTo(lower));
    }

    @Test
    void rowsAreRankedByTotalHitsAndCoverEveryHitOfTheSite() {
        JsonPath json = SimulatorApi.alice().queryParam("per_page", 1000).get(LEADERBOARD).then().statusCode(200)
                .body("filters.path", nullValue()).extract().jsonPath();
        List<Integer> totals = json.getList("leaderboard.total_hits");
        assertEquals(totals.stream().sorted(Comparator.reverseOrder()).toList(), totals);
        int lifetime = SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().extract().path("lifetime_hits");
        assertEquals(lifetime, totals.stream().mapToInt(Integer::intValue).sum());
        double percentages = json.getList("leaderboard.percentage", Float.class).stream().mapToDouble(Float::doubleValue).sum();
        assertEquals(100.0, percentages, 0.1);
    }

    @Test
    void newHitsAppearOnlyAfterTheCachedSnapshotExpires() {
        JsonPath first = SimulatorApi.alice().queryParam("path", "brand-new").get(LEADERBOARD).then().extract().jsonPath();
        assertEquals(0, first.getInt("pagination.total_count"));
        SimulatorApi.aliceWriter().body("{\"path\":\"/brand-new\"}").post(SimulatorApi.BASE + "/sites/456/hits").then().statusCode(201);

        SimulatorApi.alice().queryParam("path", "brand-new").get(LEADERBOARD).then()
                .body("pagination.total_count", equalTo(0))
                .body("cache_info.cached_at", equalTo(first.getString("cache_info.cached_at")));

        Instant expiresAt = Instant.parse(first.getString("cache_info.expires_at"));
        clock.advance(Duration.between(clock.instant(), expiresAt).plusSeconds(1));
        JsonPath refreshed = SimulatorApi.alice().queryParam("path", "brand-new").get(LEADERBOARD).then()
                .body("leaderboard.path", hasItem("/brand-new"))
                .body("leaderboard[0].total_hits", equalTo(1))
                .extract().jsonPath();
        assertNotEquals(first.getString("cache_info.cached_at"), refreshed.getString("cache_info.cached_at"));
    }

    @Test
    void snapshotIsStillServedJustBeforeExpiry() {
        JsonPath first = SimulatorApi.alice().get(LEADERBOARD).then().extract().jsonPath();
        Instant expiresAt = Instant.parse(first.getString("cache_info.expires_at"));
        clock.advance(Duration.between(clock.instant(), expiresAt).minusSeconds(5));
        SimulatorApi.alice().get(LEADERBOARD).then()
                .body("cache_info.cached_at", equalTo(first.getString("cache_info.cached_at")));
    }

    @Test
    void pagination() {
        SimulatorApi.alice().queryParam("per_page", 2).queryParam("page", 2).get(LEADERBOARD).then().statusCode(200)
                .body("leaderboard.size()", equalTo(2))
                .body("pagination.current_page", equalTo(2))
                .body("pagination.per_page", equalTo(2));
        SimulatorApi.alice().queryParam("per_page", 2000).get(LEADERBOARD).then().body("pagination.per_page", equalTo(1000));
    }

    @Test
    void anotherAccountsLeaderboardIs404() {
        SimulatorApi.bob().get(LEADERBOARD).then().statusCode(404).body("error", equalTo("Site not found"));
        SimulatorApi.bob().get(SimulatorApi.BASE + "/sites/900/leaderboard").then().statusCode(200)
                .body("leaderboard.path", not(hasItem("/blog")));
    }
}
