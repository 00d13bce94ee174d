package app.tinylytics.simulator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Collections;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorWritesTest {

    private static final String HITS = SimulatorApi.BASE + "/sites/456/hits";
    private static final String EVENTS = SimulatorApi.BASE + "/sites/456/events";
    private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1";

    @Inject
    SimulatorStore store;

    @BeforeEach
    void reset() {
        store.reset();
    }

    @Test
    void documentedHitExampleIsCreatedWithCountryFromIp() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/pricing\",\"ip_address\":\"8.8.8.8\",\"visitor_id\":\"user-123\"}")
                .post(HITS).then().statusCode(201)
                .body("status", equalTo("created"))
                .body("hit.id", instanceOf(Integer.class))
                .body("hit.url", equalTo("https://example.com/pricing"))
                .body("hit.path", equalTo("/pricing"))
                .body("hit.referrer", nullValue())
                .body("hit.country", equalTo("US"))
                .body("hit.browser_name", nullValue())
                .body("hit.platform_name", nullValue())
                .body("hit.is_mobile", equalTo(false))
                .body("hit.source", nullValue())
                .body("hit.unique_hash", matchesPattern("[0-9a-f]{6,}"))
                .body("hit.visitor_hash", matchesPattern("[0-9a-f]{6,}"))
                .body("hit.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void pathGetsALeadingSlash() {
        SimulatorApi.aliceWriter().body("{\"path\":\"pricing\"}").post(HITS).then().statusCode(201)
                .body("hit.path", equalTo("/pricing"))
                .body("hit.url", equalTo("https://example.com/pricing"));
    }

    @Test
    void providedCountryTakesPrecedenceOverIp() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"country\":\"PL\",\"ip_address\":\"8.8.8.8\"}").post(HITS)
                .then().statusCode(201).body("hit.country", equalTo("PL"));
    }

    @Test
    void unknownOrInvalidIpResolvesToXX() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"ip_address\":\"203.0.113.7\"}").post(HITS)
                .then().statusCode(201).body("hit.country", equalTo("XX"));
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"ip_address\":\"999.999.999.999\"}").post(HITS)
                .then().statusCode(201).body("hit.country", equalTo("XX"));
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\"}").post(HITS)
                .then().statusCode(201).body("hit.country", equalTo("XX"));
    }

    @Test
    void lowercaseCountryIs422() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"country\":\"pl\"}").post(HITS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors[0]", containsString("Country"));
    }

    @Test
    void blankPathIs422WithTheDocumentedMessage() {
        SimulatorApi.aliceWriter().body("{\"path\":\"\"}").post(HITS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors", contains("Path can't be blank"));
    }

    @Test
    void adminPathIsIgnoredWith202() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/wp-admin/login.php\"}").post(HITS).then().statusCode(202)
                .body("status", equalTo("ignored"))
                .body("reason", equalTo("Path matches ignore rule"));
    }

    @Test
    void userAgentIsParsedIntoBrowserPlatformAndMobile() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"user_agent\":\"" + IPHONE + "\"}").post(HITS).then().statusCode(201)
                .body("hit.browser_name", equalTo("Safari"))
                .body("hit.platform_name", equalTo("iOS"))
                .body("hit.is_mobile", equalTo(true));
    }

    @Test
    void sourceIsReadFromUtmSourceOfTheUrl() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"url\":\"https://example.com/a?utm_source=newsletter&x=1\"}").post(HITS)
                .then().statusCode(201)
                .body("hit.source", equalTo("newsletter"))
                .body("hit.url", equalTo("https://example.com/a?utm_source=newsletter&x=1"));
    }

    @Test
    void explicitSourceWinsOverUrlParameters() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"url\":\"https://example.com/a?ref=hn\",\"source\":\"mastodon\"}").post(HITS)
                .then().statusCode(201).body("hit.source", equalTo("mastodon"));
    }

    @Test
    void sameVisitorIdGivesTheSameVisitorHash() {
        String first = SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"visitor_id\":\"v-1\"}").post(HITS).then().extract().path("hit.visitor_hash");
        String second = SimulatorApi.aliceWriter().body("{\"path\":\"/b\",\"visitor_id\":\"v-1\"}").post(HITS).then().extract().path("hit.visitor_hash");
        String other = SimulatorApi.aliceWriter().body("{\"path\":\"/b\",\"visitor_id\":\"v-2\"}").post(HITS).then().extract().path("hit.visitor_hash");
        assertEquals(first, second);
        assertNotEquals(first, other);
    }

    @Test
    void singleHitBodyMustBeAnObject() {
        SimulatorApi.aliceWriter().body("[{\"path\":\"/a\"}]").post(HITS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors[0]", containsString("single JSON object"));
    }

    @Test
    void malformedJsonIs422() {
        SimulatorApi.aliceWriter().body("{\"path\":").post(HITS).then().statusCode(422).body("status", equalTo("error"));
    }

    @Test
    void trackedHitShowsInRawAndGroupedHits() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/fresh-post\",\"country\":\"SE\"}").post(HITS).then().statusCode(201);
        SimulatorApi.alice().queryParam("path", "/fresh-post").get(HITS).then().statusCode(200)
                .body("hits", hasSize(1))
                .body("hits[0].country", equalTo("SE"));
        SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "path").queryParam("per_page", 1000).get(HITS)
                .then().body("grouped_hits.path", hasItem("/fresh-post"));
    }

    @Test
    void trackedHitCountsInTheSitesLifetimeHits() {
        int before = SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().extract().path("lifetime_hits");
        SimulatorApi.aliceWriter().body("{\"path\":\"/x\"}").post(HITS).then().statusCode(201);
        SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().body("lifetime_hits", equalTo(before + 1));
    }

    @Test
    void documentedBatchExampleCreatesAllRowsWithPerRowCountries() {
        SimulatorApi.aliceWriter().body("""
                [
                  { "path": "/valid", "country": "PL" },
                  { "path": "/from-ip", "ip_address": "8.8.8.8" },
                  { "path": "/fallback-xx", "ip_address": "999.999.999.999" }
                ]""").post(HITS + "/batch").then().statusCode(200)
                .body("created_count", equalTo(3))
                .body("ignored_count", equalTo(0))
                .body("error_count", equalTo(0))
                .body("results.index", contains(0, 1, 2))
                .body("results.status", contains("created", "created", "created"));
        SimulatorApi.alice().queryParam("path", "/fallback-xx").get(HITS).then().body("hits[0].country", equalTo("XX"));
        SimulatorApi.alice().queryParam("path", "/from-ip").get(HITS).then().body("hits[0].country", equalTo("US"));
        SimulatorApi.alice().queryParam("path", "/valid").get(HITS).then().body("hits[0].country", equalTo("PL"));
    }

    @Test
    void batchIsPartialSuccessWithPerRowErrorsAndIgnores() {
        SimulatorApi.aliceWriter().body("[{\"path\":\"/ok\"},{\"path\":\"\"},{\"path\":\"/admin\"},{\"path\":\"/x\",\"country\":\"usa\"}]")
                .post(HITS + "/batch").then().statusCode(200)
                .body("created_count", equalTo(1))
                .body("ignored_count", equalTo(1))
                .body("error_count", equalTo(2))
                .body("results[0]", equalTo(Map.of("index", 0, "status", "created")))
                .body("results[1].index", equalTo(1))
                .body("results[1].status", equalTo("error"))
                .body("results[1].errors", contains("Path can't be blank"))
                .body("results[2].status", equalTo("ignored"))
                .body("results[2].reason", equalTo("Path matches ignore rule"))
                .body("results[3].errors[0]", containsString("Country"));
    }

    @Test
    void batchBodyMustBeATopLevelArray() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\"}").post(HITS + "/batch").then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors[0]", containsString("array"));
    }

    @Test
    void batchOfMoreThan1000RowsIs422() {
        String rows = "[" + String.join(",", Collections.nCopies(1001, "{\"path\":\"/a\"}")) + "]";
        SimulatorApi.aliceWriter().body(rows).post(HITS + "/batch").then().statusCode(422)
                .body("errors[0]", containsString("1000"));
    }

    @Test
    void batchOfExactly1000RowsIsAccepted() {
        String rows = "[" + String.join(",", Collections.nCopies(1000, "{\"path\":\"/a\"}")) + "]";
        SimulatorApi.aliceWriter().body(rows).post(HITS + "/batch").then().statusCode(200)
                .body("created_count", equalTo(1000));
    }

    @Test
    void documentedEventExampleIsCreated() {
        SimulatorApi.aliceWriter()
                .body("{\"event\":\"signup.started\",\"value\":\"pricing\",\"ip_address\":\"8.8.8.8\",\"visitor_id\":\"user-123\"}")
                .post(EVENTS).then().statusCode(201)
                .body("status", equalTo("created"))
                .body("event.id", instanceOf(Integer.class))
                .body("event.event", equalTo("signup.started"))
                .body("event.value", equalTo("pricing"))
                .body("event.url", nullValue())
                .body("event.path", nullValue())
                .body("event.referrer", nullValue())
                .body("event.country", equalTo("US"))
                .body("event.source", nullValue())
                .body("event.unique_hash", matchesPattern("[0-9a-f]{6,}"))
                .body("event.visitor_hash", matchesPattern("[0-9a-f]{6,}"))
                .body("event.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    }

    @Test
    void eventPathIsNormalisedAndUrlDefaultsToSiteUrlPlusPath() {
        SimulatorApi.aliceWriter().body("{\"event\":\"cta.clicked\",\"path\":\"pricing\"}").post(EVENTS).then().statusCode(201)
                .body("event.path", equalTo("/pricing"))
                .body("event.url", equalTo("https://example.com/pricing"));
    }

    @Test
    void eventNameWithoutADotIs422WithTheDocumentedMessage() {
        SimulatorApi.aliceWriter().body("{\"event\":\"signup\"}").post(EVENTS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors", contains("Event must be 'category.action' format (2+ dot-separated segments)"));
    }

    @Test
    void eventNameWithAnEmptySegmentIs422() {
        SimulatorApi.aliceWriter().body("{\"event\":\"signup..started\"}").post(EVENTS).then().statusCode(422);
        SimulatorApi.aliceWriter().body("{\"event\":\"signup.\"}").post(EVENTS).then().statusCode(422);
    }

    @Test
    void eventWithThreeSegmentsIsAccepted() {
        SimulatorApi.aliceWriter().body("{\"event\":\"shop.cart.added\"}").post(EVENTS).then().statusCode(201);
    }

    @Test
    void missingEventIs422() {
        SimulatorApi.aliceWriter().body("{\"value\":\"x\"}").post(EVENTS).then().statusCode(422)
                .body("errors", contains("Event can't be blank"));
    }

    @Test
    void eventInTheTestCategoryIsIgnoredWith202() {
        SimulatorApi.aliceWriter().body("{\"event\":\"test.ping\"}").post(EVENTS).then().statusCode(202)
                .body("status", equalTo("ignored"))
                .body("reason", equalTo("Event matched ignore rules"));
    }

    @Test
    void documentedEventBatchExampleCreatesAllRows() {
        SimulatorApi.aliceWriter().body("""
                [
                  { "event": "signup.started", "value": "pricing", "country": "PL" },
                  { "event": "signup.completed", "ip_address": "8.8.8.8" },
                  { "event": "signup.cancelled", "ip_address": "999.999.999.999" }
                ]""").post(EVENTS + "/batch").then().statusCode(200)
                .body("created_count", equalTo(3))
                .body("ignored_count", equalTo(0))
                .body("error_count", equalTo(0))
                .body("results", hasSize(3))
                .body("results[2]", not(hasKey("errors")));
    }

    @Test
    void eventBatchReportsBadAndIgnoredRows() {
        SimulatorApi.aliceWriter().body("[{\"event\":\"a.b\"},{\"event\":\"nodot\"},{\"event\":\"test.x\"},42]")
                .post(EVENTS + "/batch").then().statusCode(200)
                .body("created_count", equalTo(1))
                .body("ignored_count", equalTo(1))
                .body("error_count", equalTo(2))
                .body("results[1].errors[0]", containsString("category.action"))
                .body("results[2].reason", equalTo("Event matched ignore rules"))
                .body("results[3].status", equalTo("error"));
    }

    @Test
    void writesToAnotherAccountsSiteAre404() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\"}").post(SimulatorApi.BASE + "/sites/900/hits").then().statusCode(404)
                .body("error", equalTo("Site not found"));
    }
}
