package app.tinylytics.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;

/**
 * The gateway end to end, as a frontend uses it, against the embedded simulator: every read field in
 * one dashboard query, the absent and refused cases, and a write seen by the next read. Nothing here
 * reaches into the application, so {@code GatewayEndToEndIT} runs the same tests against the packaged jar.
 */
@QuarkusTest
class GatewayEndToEndTest {

    @Test
    void oneDashboardQueryAnswersEveryReadField() {
        GraphQL.document("e2e-dashboard").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.me.isSubscribed", equalTo(true))
                .body("data.me.apiKey.accessType", equalTo("READ_ONLY"))
                .body("data.sites.id", hasItem("456"))
                .body("data.site.label", equalTo("My Blog"))
                .body("data.site.hits.nodes", not(empty()))
                .body("data.site.topPaths.groupBy", equalTo("PATH"))
                .body("data.site.topPaths.nodes[0].uniqueCount", notNullValue())
                .body("data.site.kudos.nodes", not(empty()))
                .body("data.site.leaderboard.entries[0].totalHits", greaterThan(0))
                .body("data.site.leaderboard.expiresAt", notNullValue())
                .body("data.site.journeys.summary.totalVisitors", greaterThan(0))
                .body("data.site.insights.settings.insightsEnabled", equalTo(true))
                .body("data.site.insights.nodes[0].signals[0].payloadExcerpt", notNullValue())
                .body("data.site.signals.nodes", not(empty()))
                .body("data.site.uptime.monitor.url", equalTo("https://example.com"))
                .body("data.site.content.enabled", equalTo(true))
                .body("data.rateLimit.limit", equalTo(1000));
    }

    @Test
    void anUnknownSiteIsNull() {
        GraphQL.document("site").variable("id", "999999").post()
                .body("errors", nullValue())
                .body("data.site", nullValue());
    }

    @Test
    void aPageSizeOverTheLimitIsRefusedNamingTheArgument() {
        GraphQL.document("e2e-hits-page").variable("id", "456").variable("perPage", 5000).post()
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Argument 'perPage' must be between 1 and 1000."));
    }

    @Test
    void premiumDataWithoutASubscriptionIsSubscriptionRequired() {
        GraphQL.document("e2e-site-insights").variable("id", "900").withKey("tly-ro-demo-bob-read").post()
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"));
    }

    @Test
    void aKudoGivenIsReadBackAndGoneOnceDeleted() {
        String path = "/e2e-" + UUID.randomUUID();
        GraphQL.document("e2e-kudo-uids").variable("id", "456").variable("path", path).post()
                .body("data.site.kudos.nodes", empty());

        String uid = GraphQL.document("writes-give-kudo").variable("siteId", "456")
                .variable("kudo", java.util.Map.of("path", path)).post()
                .body("errors", nullValue())
                .body("data.giveKudo.status", equalTo("CREATED"))
                .extract().path("data.giveKudo.kudo.uid");
        GraphQL.document("e2e-kudo-uids").variable("id", "456").variable("path", path).post()
                .body("data.site.kudos.nodes.uid", hasItem(uid));

        GraphQL.document("writes-delete-kudo").variable("siteId", "456").variable("uid", uid).post()
                .body("data.deleteKudo.deleted", equalTo(true));
        GraphQL.document("e2e-kudo-uids").variable("id", "456").variable("path", path).post()
                .body("data.site.kudos.nodes", empty());
    }

    @Test
    void aMutationOverGetIsRefused() {
        given().queryParam("query", "mutation { deleteKudo(siteId: \"456\", uid: \"x\") { deleted } }")
                .get("/graphql").then().statusCode(405);
    }
}
