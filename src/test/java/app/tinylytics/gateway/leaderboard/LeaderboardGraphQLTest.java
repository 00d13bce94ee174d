package app.tinylytics.gateway.leaderboard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** {@code Site.leaderboard} against the embedded simulator's demo data. */
@QuarkusTest
class LeaderboardGraphQLTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogLeaderboardIsRankedByTotalHits() {
        ValidatableResponse response = GraphQL.document("leaderboard").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.leaderboard.entries", not(empty()))
                .body("data.site.leaderboard.entries.uniqueHits", everyItem(greaterThan(0)))
                .body("data.site.leaderboard.entries.percentage", everyItem(greaterThan(0f)));
        List<Integer> totals = response.extract().path("data.site.leaderboard.entries.totalHits");
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i - 1) >= totals.get(i), "ranked by total hits: " + totals);
        }
    }

    @Test
    void leaderboardSaysUntilWhenItIsCached() {
        ValidatableResponse response = GraphQL.document("leaderboard").variable("id", "456").post()
                .body("data.site.leaderboard.cachedAt", notNullValue())
                .body("data.site.leaderboard.expiresAt", notNullValue());
        OffsetDateTime cachedAt = OffsetDateTime.parse(response.extract().path("data.site.leaderboard.cachedAt"));
        OffsetDateTime expiresAt = OffsetDateTime.parse(response.extract().path("data.site.leaderboard.expiresAt"));
        assertTrue(expiresAt.isAfter(cachedAt), cachedAt + " < " + expiresAt);
    }

    @Test
    void pathFilterIsAPartialMatch() {
        GraphQL.document("leaderboard").variable("id", "456").variable("path", "blog").post()
                .body("errors", nullValue())
                .body("data.site.leaderboard.entries", not(empty()))
                .body("data.site.leaderboard.entries.path", everyItem(containsString("blog")));
    }

    @Test
    void perPageLimitsTheEntries() {
        GraphQL.document("leaderboard").variable("id", "456").variable("perPage", 2).post()
                .body("data.site.leaderboard.entries.size()", equalTo(2))
                .body("data.site.leaderboard.pageInfo.perPage", equalTo(2))
                .body("data.site.leaderboard.pageInfo.hasNextPage", equalTo(true));
    }
}
