package app.tinylytics.gateway.writes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import app.tinylytics.gateway.support.GraphQL;

/**
 * Each mutation against the embedded simulator, its effect checked by a later read. The reads go to the
 * simulator's REST API directly with alice's read key, because the GraphQL read fields (Site.hits, kudos,
 * signals) are built on other branches; once merged these checks can become GraphQL queries. Every test
 * writes under fresh unique paths, uids and external ids, so it does not depend on the simulator's seed or
 * on what ran before.
 */
@QuarkusTest
class WritesSimulatorTest {

    static final String ALICE_READ = "tly-ro-demo-alice-read";
    static final String BOB_FULL = "tly-fa-demo-bob-full";
    static final String SIMULATOR = "/simulator/api/v1";

    @Inject
    Clock clock;

    @Test
    void aTrackedHitAppearsInALaterHitsRead() {
        String path = "/writes-test/" + UUID.randomUUID();

        GraphQL.document("writes-track-hit").variable("siteId", "456")
                .variable("hit", Map.of("path", path, "country", "PL", "visitorId", "v-1")).post()
                .body("errors", nullValue())
                .body("data.trackHit.status", equalTo("CREATED"))
                .body("data.trackHit.hit.path", equalTo(path));

        readSimulator("/sites/456/hits?path=" + path)
                .body("pagination.total_count", equalTo(1))
                .body("hits[0].path", equalTo(path))
                .body("hits[0].country", equalTo("PL"));
    }

    @Test
    void trackedBatchRowsAllAppearInALaterHitsRead() {
        String path = "/writes-batch/" + UUID.randomUUID();

        GraphQL.document("writes-track-hits").variable("siteId", "456")
                .variable("hits", List.of(Map.of("path", path), Map.of("path", path), Map.of("path", path))).post()
                .body("errors", nullValue())
                .body("data.trackHits.createdCount", equalTo(3));

        readSimulator("/sites/456/hits?path=" + path).body("pagination.total_count", equalTo(3));
    }

    @Test
    void aKudoAppearsInKudosAndDisappearsWhenDeleted() {
        String uid = "writes-test-" + UUID.randomUUID();

        GraphQL.document("writes-give-kudo").variable("siteId", "456")
                .variable("kudo", Map.of("path", "/pricing", "customUid", uid)).post()
                .body("errors", nullValue())
                .body("data.giveKudo.kudo.uid", equalTo(uid));
        readSimulator("/sites/456/kudos?uid=" + uid).body("pagination.total_count", equalTo(1));

        GraphQL.document("writes-delete-kudo").variable("siteId", "456").variable("uid", uid).post()
                .body("errors", nullValue())
                .body("data.deleteKudo.deleted", equalTo(true));
        readSimulator("/sites/456/kudos?uid=" + uid).body("pagination.total_count", equalTo(0));

        GraphQL.document("writes-delete-kudo").variable("siteId", "456").variable("uid", uid).post()
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void aSignalWithAReusedExternalIdUpdatesRatherThanDuplicates() {
        String externalId = "writes-test-" + UUID.randomUUID();
        String occurredAt = clock.instant().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        int before = signalCount();

        String firstId = GraphQL.document("writes-submit-signal").variable("siteId", "456")
                .variable("signal", Map.of("occurredAt", occurredAt, "title", "First title", "externalId", externalId)).post()
                .body("errors", nullValue())
                .extract().path("data.submitSignal.id");
        GraphQL.document("writes-submit-signal").variable("siteId", "456")
                .variable("signal", Map.of("occurredAt", occurredAt, "title", "Second title", "category", "LAUNCH",
                        "metadata", Map.of("campaign", "spring"), "externalId", externalId)).post()
                .body("errors", nullValue())
                .body("data.submitSignal.id", equalTo(firstId))
                .body("data.submitSignal.title", equalTo("Second title"))
                .body("data.submitSignal.category", equalTo("LAUNCH"))
                .body("data.submitSignal.metadata.campaign", equalTo("spring"));

        assertEquals(before + 1, signalCount());
    }

    @Test
    void aForwardedReadOnlyKeyIsForbiddenToWrite() {
        GraphQL.document("writes-give-kudo").withKey(ALICE_READ).variable("siteId", "456")
                .variable("kudo", Map.of("path", "/pricing")).post()
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void aSignalWithoutASubscriptionIsSubscriptionRequired() {
        GraphQL.document("writes-submit-signal").withKey(BOB_FULL).variable("siteId", "900")
                .variable("signal", Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "Launch")).post()
                .body("errors[0].extensions.code", equalTo("SUBSCRIPTION_REQUIRED"));
    }

    @Test
    void aSignalForASiteWithoutInsightsIsFeatureDisabled() {
        GraphQL.document("writes-submit-signal").variable("siteId", "457")
                .variable("signal", Map.of("occurredAt", "2026-02-12T09:00:00Z", "title", "Launch")).post()
                .body("errors[0].extensions.code", equalTo("FEATURE_DISABLED"));
    }

    private int signalCount() {
        return readSimulator("/sites/456/signals").extract().path("pagination.total_count");
    }

    private static ValidatableResponse readSimulator(String pathAndQuery) {
        return given().header("Authorization", "Bearer " + ALICE_READ).accept("application/json")
                .get(SIMULATOR + pathAndQuery).then().statusCode(200);
    }
}
