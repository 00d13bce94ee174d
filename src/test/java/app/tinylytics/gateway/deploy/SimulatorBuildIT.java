package app.tinylytics.gateway.deploy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import app.tinylytics.gateway.support.SimulatorUpstream;
import app.tinylytics.gateway.support.TestKeys;

/**
 * The simulator is a build-time choice: the production jar under test has no {@code /simulator} route at all,
 * while the demo build (run beside it as its upstream) serves the simulator and its reset.
 */
@QuarkusIntegrationTest
@WithTestResource(SimulatorUpstream.class)
class SimulatorBuildIT {

    @Test
    void theProductionJarServesNoSimulatorApi() {
        given().header("Authorization", TestKeys.bearer(TestKeys.DEMO_ALICE_READ))
                .get("/simulator/api/v1/me").then().statusCode(404);
        given().get("/simulator/api/v1/openapi.json").then().statusCode(404);
    }

    @Test
    void theProductionJarHasNoSimulatorReset() {
        given().post("/simulator/admin/reset").then().statusCode(404);
    }

    @Test
    void theDemoBuildServesTheSimulatorAndItsReset() {
        String demo = System.getProperty(SimulatorUpstream.URL_PROPERTY);
        given().header("Authorization", TestKeys.bearer(TestKeys.DEMO_ALICE_READ))
                .get(demo + "/simulator/api/v1/me").then().statusCode(200)
                .body("email", equalTo("alice@example.com"));
        given().post(demo + "/simulator/admin/reset").then().statusCode(204);
    }
}
