package app.tinylytics.simulator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorSignalsTest {

    private static final String SIGNALS = SimulatorApi.BASE + "/sites/456/signals";
    private static final String DOCUMENTED_SIGNAL = """
            {
              "signal": {
                "occurred_at": "%s",
                "title": "Newsletter #43 sent",
                "description": "Featured the Rails post that is now breaking out.",
                "category": "newsletter",
                "metadata": { "path": "/blog/rails-post" },
                "external_id": "newsletter-43"
              }
            }""";

    @Inject
    SimulatorStore store;

    @BeforeEach
    void reset() {
        store.reset();
    }

    private static String yesterdayAt9() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T09:00:00Z";
    }

    @Test
    void listHasSignalsPaginationAndFilters() {
        Map<String, Object> filters = SimulatorApi.alice().get(SIGNALS).then().statusCode(200)
                .body("signals.size()", greaterThan(0))
                .body("signals[0].id", instanceOf(Integer.class))
                .body("signals[0].occurred_at", instanceOf(String.class))
                .body("signals[0].title", equalTo("Newsletter #42 sent"))
                .body("signals[0].description", instanceOf(String.class))
                .body("signals[0].category", equalTo("newsletter"))
                .body("signals[0].metadata.path", equalTo("/blog/rails-post"))
                .body("signals[0].external_id", equalTo("newsletter-42"))
                .body("signals[0].created_at", instanceOf(String.class))
                .body("pagination.per_page", equalTo(100))
                .body("filters.time_zone", equalTo("utc"))
                .body("filters.category", nullValue())
                .extract().path("filters");
        assertEquals(List.of("start_date", "end_date", "time_zone", "category"), List.copyOf(filters.keySet()));
    }

    @Test
    void defaultRangeIsTheLast30Days() {
        // Seeded signals lie 2, 9, 16, 33, ... days back: only three fall in the default window.
        SimulatorApi.alice().get(SIGNALS).then().body("signals", hasSize(3));
    }

    @Test
    void categoryFilter() {
        SimulatorApi.alice().queryParam("category", "newsletter").get(SIGNALS).then().statusCode(200)
                .body("signals.category", everyItem(equalTo("newsletter")))
                .body("signals", hasSize(2))
                .body("filters.category", equalTo("newsletter"));
    }

    @Test
    void unknownCategoryFilterIs400() {
        SimulatorApi.alice().queryParam("category", "gossip").get(SIGNALS).then().statusCode(400);
    }

    @Test
    void perPageIsClampedTo100() {
        SimulatorApi.alice().queryParam("per_page", 101).get(SIGNALS).then().body("pagination.per_page", equalTo(100));
    }

    @Test
    void signalsOnASiteWithInsightsDisabledAre403MentioningInsights() {
        SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/457/signals").then().statusCode(403)
                .body("error", containsString("Insights"));
        SimulatorApi.aliceWriter().body(DOCUMENTED_SIGNAL.formatted(yesterdayAt9())).post(SimulatorApi.BASE + "/sites/457/signals")
                .then().statusCode(403)
                .body("error", containsString("Insights"));
    }

    @Test
    void documentedSubmitExampleIsCreatedAndListed() {
        SimulatorApi.aliceWriter().body(DOCUMENTED_SIGNAL.formatted(yesterdayAt9())).post(SIGNALS).then().statusCode(201)
                .body("status", equalTo("created"))
                .body("signal.id", instanceOf(Integer.class))
                .body("signal.occurred_at", equalTo(yesterdayAt9()))
                .body("signal.title", equalTo("Newsletter #43 sent"))
                .body("signal.category", equalTo("newsletter"))
                .body("signal.metadata.path", equalTo("/blog/rails-post"))
                .body("signal.external_id", equalTo("newsletter-43"))
                .body("signal.created_at", instanceOf(String.class));
        SimulatorApi.alice().get(SIGNALS).then().body("signals.title", hasItem("Newsletter #43 sent"));
    }

    @Test
    void reusingExternalIdUpdatesTheSameSignal() {
        int id = SimulatorApi.aliceWriter().body(DOCUMENTED_SIGNAL.formatted(yesterdayAt9())).post(SIGNALS).then().statusCode(201)
                .extract().path("signal.id");
        SimulatorApi.aliceWriter().body(DOCUMENTED_SIGNAL.formatted(yesterdayAt9()).replace("Newsletter #43 sent", "Newsletter #43 (resent)"))
                .post(SIGNALS).then().statusCode(200)
                .body("status", equalTo("updated"))
                .body("signal.id", equalTo(id))
                .body("signal.title", equalTo("Newsletter #43 (resent)"));
        SimulatorApi.alice().queryParam("category", "newsletter").get(SIGNALS).then()
                .body("signals.external_id", hasItem("newsletter-43"))
                .body("signals", hasSize(3));
    }

    @Test
    void missingTitleAndOccurredAtAre422() {
        SimulatorApi.aliceWriter().body("{\"signal\":{\"category\":\"social\"}}").post(SIGNALS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors", hasItem("Title can't be blank"))
                .body("errors", hasItem("Occurred at can't be blank"));
    }

    @Test
    void titleOver200CharactersIs422() {
        String body = "{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"" + "x".repeat(201) + "\"}}";
        SimulatorApi.aliceWriter().body(body).post(SIGNALS).then().statusCode(422)
                .body("errors[0]", containsString("200"));
    }

    @Test
    void titleOfExactly200CharactersIsAccepted() {
        String body = "{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"" + "x".repeat(200) + "\"}}";
        SimulatorApi.aliceWriter().body(body).post(SIGNALS).then().statusCode(201)
                .body("signal.category", nullValue())
                .body("signal.external_id", nullValue());
    }

    @Test
    void descriptionOver5000CharactersIs422() {
        String body = "{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"description\":\"" + "x".repeat(5001) + "\"}}";
        SimulatorApi.aliceWriter().body(body).post(SIGNALS).then().statusCode(422)
                .body("errors[0]", containsString("5000"));
    }

    @Test
    void unknownCategoryIs422() {
        SimulatorApi.aliceWriter().body("{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"category\":\"gossip\"}}")
                .post(SIGNALS).then().statusCode(422)
                .body("errors[0]", containsString("Category"));
    }

    @Test
    void occurredAtMustBeIso8601() {
        SimulatorApi.aliceWriter().body("{\"signal\":{\"occurred_at\":\"last tuesday\",\"title\":\"t\"}}")
                .post(SIGNALS).then().statusCode(422)
                .body("errors[0]", containsString("ISO8601"));
    }

    @Test
    void metadataMustBeAnObject() {
        SimulatorApi.aliceWriter().body("{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"t\",\"metadata\":[1]}}")
                .post(SIGNALS).then().statusCode(422)
                .body("errors[0]", containsString("Metadata"));
    }

    @Test
    void bodyWithoutSignalObjectIs422() {
        SimulatorApi.aliceWriter().body("{\"title\":\"t\"}").post(SIGNALS).then().statusCode(422)
                .body("status", equalTo("error"));
    }

    @Test
    void submitWithReadOnlyKeyIs403() {
        SimulatorApi.alice().contentType("application/json").body(DOCUMENTED_SIGNAL.formatted(yesterdayAt9())).post(SIGNALS)
                .then().statusCode(403);
    }
}
