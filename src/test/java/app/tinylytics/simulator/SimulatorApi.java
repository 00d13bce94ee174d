package app.tinylytics.simulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request helpers for the simulator tests: the base path, the demo keys and the admin reset. */
final class SimulatorApi {

    static final String BASE = "/simulator/api/v1";

    private SimulatorApi() {
    }

    /** Re-seeds the demo data and clears the rate limits over HTTP ({@code POST /simulator/admin/reset}). */
    static void reset() {
        given().post("/simulator/admin/reset").then().statusCode(204);
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
