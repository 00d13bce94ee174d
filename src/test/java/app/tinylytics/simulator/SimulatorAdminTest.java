package app.tinylytics.simulator;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code POST /simulator/admin/reset} brings back the seeded demo data. */
@QuarkusTest
class SimulatorAdminTest {

    private static final String KUDOS = SimulatorApi.BASE + "/sites/456/kudos";

    @Test
    void resetForgetsWritesAndRestoresTheSeed() {
        SimulatorApi.reset();
        int seeded = SimulatorApi.alice().queryParam("path", "/admin-reset-probe").get(KUDOS).then().statusCode(200)
                .extract().path("pagination.total_count");
        SimulatorApi.aliceWriter().body("{\"path\": \"/admin-reset-probe\"}").post(KUDOS).then().statusCode(201);
        SimulatorApi.alice().queryParam("path", "/admin-reset-probe").get(KUDOS).then()
                .body("pagination.total_count", equalTo(seeded + 1));

        SimulatorApi.reset();

        SimulatorApi.alice().queryParam("path", "/admin-reset-probe").get(KUDOS).then()
                .body("pagination.total_count", equalTo(seeded));
    }
}
