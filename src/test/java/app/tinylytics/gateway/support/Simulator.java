package app.tinylytics.gateway.support;

import static io.restassured.RestAssured.given;

/**
 * Controls the embedded simulator over HTTP, so suites work the same in-process and against the packaged
 * jar ({@code *IT}).
 */
public final class Simulator {

    private Simulator() {
    }

    /** Re-seeds the demo data and clears the simulator's rate limits. */
    public static void reset() {
        given().post("/simulator/admin/reset").then().statusCode(204);
    }
}
