package app.tinylytics.gateway.support;

import static io.restassured.RestAssured.given;

/**
 * Controls the simulator the gateway under test talks to, over HTTP: the embedded one in {@code @QuarkusTest}s,
 * the separate demo-build process of {@link SimulatorUpstream} in the {@code *IT} suites.
 */
public final class Simulator {

    private Simulator() {
    }

    /** Re-seeds the demo data and clears the simulator's rate limits. */
    public static void reset() {
        String upstream = System.getProperty(SimulatorUpstream.URL_PROPERTY);
        String reset = upstream == null ? "/simulator/admin/reset" : upstream + "/simulator/admin/reset";
        given().post(reset).then().statusCode(204);
    }
}
