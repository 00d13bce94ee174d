package app.tinylytics.simulator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
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
class SimulatorKudosTest {

    private static final String KUDOS = SimulatorApi.BASE + "/sites/456/kudos";

    @Inject
    SimulatorStore store;

    @BeforeEach
    void reset() {
        store.reset();
    }

    @Test
    void documentedListExampleHasKudosPaginationAndFilters() {
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(60).toString();
        String end = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, Object> filters = SimulatorApi.alice().queryParam("start_date", start).queryParam("end_date", end)
                .get(KUDOS).then().statusCode(200)
                .body("kudos.size()", greaterThan(0))
                .body("kudos[0].id", instanceOf(Integer.class))
                .body("kudos[0].uid", not(emptyOrNullString()))
                .body("kudos[0].path", matchesPattern("/.*"))
                .body("kudos[0].created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"))
                .body("pagination.per_page", equalTo(100))
                .body("filters.start_date", equalTo(start))
                .body("filters.end_date", equalTo(end))
                .body("filters.time_zone", equalTo("utc"))
                .body("filters.path", nullValue())
                .body("filters.uid", nullValue())
                .extract().path("filters");
        assertEquals(List.of("start_date", "end_date", "time_zone", "path", "uid"), List.copyOf(filters.keySet()));
    }

    @Test
    void documentedCreateExampleIsVisibleThroughTheUidFilter() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/pricing\",\"custom_uid\":\"pricing-kudo-1\"}").post(KUDOS).then().statusCode(201)
                .body("status", equalTo("created"))
                .body("kudo.id", instanceOf(Integer.class))
                .body("kudo.uid", equalTo("pricing-kudo-1"))
                .body("kudo.path", equalTo("/pricing"))
                .body("kudo.created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        SimulatorApi.alice().queryParam("uid", "pricing-kudo-1").get(KUDOS).then().statusCode(200)
                .body("kudos", hasSize(1))
                .body("kudos[0].path", equalTo("/pricing"))
                .body("filters.uid", equalTo("pricing-kudo-1"));
    }

    @Test
    void uidIsGeneratedWhenNotGiven() {
        SimulatorApi.aliceWriter().body("{\"path\":\"about\"}").post(KUDOS).then().statusCode(201)
                .body("kudo.uid", not(emptyOrNullString()))
                .body("kudo.path", equalTo("/about"));
    }

    @Test
    void duplicateUidIs422() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"custom_uid\":\"dup\"}").post(KUDOS).then().statusCode(201);
        SimulatorApi.aliceWriter().body("{\"path\":\"/b\",\"custom_uid\":\"dup\"}").post(KUDOS).then().statusCode(422)
                .body("status", equalTo("error"))
                .body("errors", contains("Uid has already been taken"));
    }

    @Test
    void blankPathIs422() {
        SimulatorApi.aliceWriter().body("{\"custom_uid\":\"x\"}").post(KUDOS).then().statusCode(422)
                .body("errors", contains("Path can't be blank"));
    }

    @Test
    void adminPathIsIgnoredWith202() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/admin/users\"}").post(KUDOS).then().statusCode(202)
                .body("status", equalTo("ignored"))
                .body("reason", equalTo("Path matches ignore rule"));
    }

    @Test
    void pathFilterIsExact() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/blog\"}").post(KUDOS).then().statusCode(201);
        SimulatorApi.alice().queryParam("path", "/blog").queryParam("per_page", 1000).get(KUDOS).then().statusCode(200)
                .body("kudos.size()", greaterThan(0))
                .body("kudos.path", everyItem(equalTo("/blog")));
    }

    @Test
    void deleteRemovesTheKudo() {
        SimulatorApi.aliceWriter().body("{\"path\":\"/pricing\",\"custom_uid\":\"pricing-kudo-1\"}").post(KUDOS).then().statusCode(201);
        SimulatorApi.aliceWriter().delete(KUDOS + "/pricing-kudo-1").then().statusCode(200)
                .body("status", equalTo("deleted"))
                .body("uid", equalTo("pricing-kudo-1"));
        SimulatorApi.alice().queryParam("uid", "pricing-kudo-1").get(KUDOS).then().body("kudos", hasSize(0));
    }

    @Test
    void deletingAnUnknownUidIs404() {
        SimulatorApi.aliceWriter().delete(KUDOS + "/no-such-kudo").then().statusCode(404)
                .body("error", equalTo("Kudo not found"));
    }

    @Test
    void givingAKudoRaisesTheSitesLifetimeKudos() {
        int before = SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().extract().path("lifetime_kudos");
        SimulatorApi.aliceWriter().body("{\"path\":\"/x\"}").post(KUDOS).then().statusCode(201);
        SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().body("lifetime_kudos", equalTo(before + 1));
    }

    @Test
    void perPageOverTheMaximumIsClampedTo1000() {
        SimulatorApi.alice().queryParam("per_page", 1001).get(KUDOS).then().body("pagination.per_page", equalTo(1000));
    }

    @Test
    void badDateIs400() {
        SimulatorApi.alice().queryParam("start_date", "yesterday").get(KUDOS).then().statusCode(400);
    }
}
