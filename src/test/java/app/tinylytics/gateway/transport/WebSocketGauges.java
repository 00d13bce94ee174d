package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;

/**
 * The gateway's WebSocket gauges as {@code /q/metrics} publishes them, read from outside the application (so the
 * same checks run against the packaged jar): open connections, running operations, callers with operations.
 */
final class WebSocketGauges {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private WebSocketGauges() {
    }

    static int connections() {
        return value("gateway_websocket_connections");
    }

    static int operations() {
        return value("gateway_websocket_operations");
    }

    static int callers() {
        return value("gateway_websocket_callers");
    }

    /** Waits until no connection, operation or caller count is left (closing is asynchronous on the server). */
    static void awaitAllZero() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            if (connections() == 0 && operations() == 0 && callers() == 0) {
                return;
            }
            sleep();
        }
        fail("WebSocket gauges did not return to zero within " + SETTLE.toSeconds() + " s: connections " + connections()
                + ", operations " + operations() + ", callers " + callers());
    }

    private static int value(String gauge) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(metrics.split("\n"))
                .filter(line -> line.startsWith(gauge + " ") || line.startsWith(gauge + "{"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .mapToInt(number -> (int) Double.parseDouble(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("/q/metrics has no " + gauge));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
