package app.tinylytics.gateway.simulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request helpers for the simulator tests: the base path and the demo keys. */
final class SimulatorApi {

    static final String BASE = "/simulator/api/v1";

    private SimulatorApi() {
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).accept(ContentType.JSON);
    }

    static RequestSpecification alice() {
        return as(DemoAccounts.ALICE_READ_KEY);
    }

    static RequestSpecification aliceWriter() {
        return as(DemoAccounts.ALICE_FULL_KEY).contentType(ContentType.JSON);
    }

    static RequestSpecification bob() {
        return as(DemoAccounts.BOB_READ_KEY);
    }
}
