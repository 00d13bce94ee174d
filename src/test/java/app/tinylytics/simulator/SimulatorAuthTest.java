package app.tinylytics.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorAuthTest extends FreshSimulator {

    @Test
    void missingKeyIs401WithErrorBody() {
        given().when().get(SimulatorApi.BASE + "/me")
                .then().statusCode(401)
                .body("error", notNullValue());
    }

    @Test
    void unknownKeyIs401() {
        SimulatorApi.as("tly-ro-nope").when().get(SimulatorApi.BASE + "/me")
                .then().statusCode(401)
                .body("error", equalTo("Invalid API key"));
    }

    @Test
    void revokedKeyIs401() {
        SimulatorApi.as(DemoAccounts.ALICE_REVOKED_KEY).when().get(SimulatorApi.BASE + "/sites")
                .then().statusCode(401)
                .body("error", containsString("revoked"));
    }

    @Test
    void meReturnsAccountAndReadOnlyKeyMetadata() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/me")
                .then().statusCode(200)
                .body("id", equalTo(123))
                .body("email", equalTo(DemoAccounts.ALICE.email()))
                .body("is_subscribed", equalTo(true))
                .body("created_at", equalTo("2025-06-01T12:00:00Z"))
                .body("api_key.name", equalTo("Dashboard"))
                .body("api_key.access_type", equalTo("read_only"))
                .body("api_key.last_used_at", notNullValue());
    }

    @Test
    void meShowsFullAccessKeyOfBobWithoutSubscription() {
        SimulatorApi.as(DemoAccounts.BOB_FULL_KEY).when().get(SimulatorApi.BASE + "/me")
                .then().statusCode(200)
                .body("id", equalTo(124))
                .body("is_subscribed", equalTo(false))
                .body("api_key.access_type", equalTo("full_access"));
    }

    @Test
    void lastUsedAtMovesWithEachUse() {
        SimulatorApi.alice().get(SimulatorApi.BASE + "/sites").then().statusCode(200);
        clock.advance(Duration.ofMinutes(10));
        String lastUsed = SimulatorApi.alice().get(SimulatorApi.BASE + "/me").then().statusCode(200)
                .extract().path("api_key.last_used_at");
        Instant expected = clock.instant();
        assertTrue(
                Duration.between(Instant.parse(lastUsed), expected).abs().toSeconds() <= 2,
                "last_used_at " + lastUsed + " should be the time of the /me call " + expected);
    }

    @Test
    void sitesListsOnlyTheCallersSitesWithLifetimeCounters() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/sites")
                .then().statusCode(200)
                .body("sites", hasSize(3))
                .body("sites.id", contains(456, 457, 458))
                .body("sites[0].uid", equalTo("abc123"))
                .body("sites[0].url", equalTo("https://example.com"))
                .body("sites[0].label", equalTo("My Blog"))
                .body("sites[0].lifetime_hits", greaterThan(1000))
                .body("sites[0].lifetime_unique_hits", greaterThan(100))
                .body("sites[0].lifetime_kudos", greaterThan(10))
                .body("sites[0].active", equalTo(true))
                .body("sites[0].public", equalTo(false))
                .body("sites[0].created_at", equalTo("2025-06-01T12:00:00Z"))
                .body("sites[0].updated_at", notNullValue());
    }

    @Test
    void carolsReaderListsHerTenSitesWithTraffic() {
        SimulatorApi.as(DemoAccounts.CAROL_READ_KEY).when().get(SimulatorApi.BASE + "/sites")
                .then().statusCode(200)
                .body("sites", hasSize(10))
                .body("sites.id", contains(601, 602, 603, 604, 605, 606, 607, 608, 609, 610))
                .body("sites[9].lifetime_hits", greaterThan(100));
    }

    @Test
    void carolsKudosButtonGivesKudosToHerSitesThatHerReaderThenCounts() {
        int before = SimulatorApi.as(DemoAccounts.CAROL_READ_KEY).when().get(SimulatorApi.BASE + "/sites/605/kudos")
                .then().statusCode(200).extract().path("pagination.total_count");

        SimulatorApi.as(DemoAccounts.CAROL_FULL_KEY).contentType("application/json").body("{\"path\": \"/probe\"}")
                .when().post(SimulatorApi.BASE + "/sites/605/kudos")
                .then().statusCode(201);

        SimulatorApi.as(DemoAccounts.CAROL_READ_KEY).when().get(SimulatorApi.BASE + "/sites/605/kudos")
                .then().statusCode(200).body("pagination.total_count", equalTo(before + 1));
    }

    @Test
    void documentedSiteExampleHasEveryField() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/sites/456")
                .then().statusCode(200)
                .body("id", equalTo(456))
                .body("uid", equalTo("abc123"))
                .body("url", equalTo("https://example.com"))
                .body("label", equalTo("My Blog"))
                .body("lifetime_hits", instanceOf(Integer.class))
                .body("lifetime_unique_hits", instanceOf(Integer.class))
                .body("lifetime_kudos", instanceOf(Integer.class))
                .body("active", equalTo(true))
                .body("public", equalTo(false))
                .body("created_at", equalTo("2025-06-01T12:00:00Z"))
                .body("updated_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void siteByIdReturnsTheSite() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/sites/457")
                .then().statusCode(200)
                .body("id", equalTo(457))
                .body("label", equalTo("Docs"))
                .body("url", equalTo("https://docs.example.com"));
    }

    @Test
    void anotherAccountsSiteIs404() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/sites/900")
                .then().statusCode(404)
                .body("error", equalTo("Site not found"));
        SimulatorApi.bob().when().get(SimulatorApi.BASE + "/sites/456/hits")
                .then().statusCode(404)
                .body("error", equalTo("Site not found"));
    }

    @Test
    void unknownSiteIs404() {
        SimulatorApi.alice().when().get(SimulatorApi.BASE + "/sites/999999")
                .then().statusCode(404)
                .body("error", equalTo("Site not found"));
    }

    @Test
    void writeWithReadOnlyKeyIs403() {
        SimulatorApi.alice().contentType("application/json").body("{\"path\":\"/x\"}")
                .when().post(SimulatorApi.BASE + "/sites/456/hits")
                .then().statusCode(403)
                .body("error", containsString("full access"));
    }

    @Test
    void deleteKudoWithReadOnlyKeyIs403() {
        SimulatorApi.alice().when().delete(SimulatorApi.BASE + "/sites/456/kudos/anything")
                .then().statusCode(403);
    }
}
