package app.tinylytics.simulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorRateLimitTest extends FreshSimulator {

    private static final int LIMIT = 1000;
    private static final String ME = SimulatorApi.BASE + "/me";

    @Inject
    RateLimiter rateLimiter;

    /** Spends all but {@code left} of the key's hour directly on the limiter, to keep the other tests fast. */
    private void spend(String key, int left) {
        for (int i = 0; i < LIMIT - left; i++) {
            rateLimiter.acquire(key);
        }
    }

    @Test
    void the1001stRequestWithinAnHourIs429WithRetryAfter() {
        for (int i = 0; i < LIMIT; i++) {
            SimulatorApi.alice().get(ME).then().statusCode(200);
        }
        String retryAfter = SimulatorApi.alice().get(ME).then().statusCode(429)
                .body("error", equalTo("Rate limit exceeded"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 3500 && seconds <= 3600, "Retry-After " + seconds);
    }

    @Test
    void limitIsPerKey() {
        spend(DemoAccounts.ALICE_READ_KEY, 0);
        SimulatorApi.alice().get(ME).then().statusCode(429);
        SimulatorApi.as(DemoAccounts.ALICE_FULL_KEY).get(ME).then().statusCode(200);
    }

    @Test
    void retryAfterCountsDownWithTheClock() {
        spend(DemoAccounts.ALICE_READ_KEY, 0);
        clock.advance(Duration.ofMinutes(50));
        String retryAfter = SimulatorApi.alice().get(ME).then().statusCode(429).extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 500 && seconds <= 600, "Retry-After " + seconds);
    }

    @Test
    void limitResetsAfterTheHour() {
        spend(DemoAccounts.ALICE_READ_KEY, 0);
        SimulatorApi.alice().get(ME).then().statusCode(429);
        clock.advance(Duration.ofMinutes(61));
        SimulatorApi.alice().get(ME).then().statusCode(200);
    }

    @Test
    void lastAllowedRequestStillSucceeds() {
        spend(DemoAccounts.ALICE_READ_KEY, 1);
        SimulatorApi.alice().get(ME).then().statusCode(200);
        SimulatorApi.alice().get(ME).then().statusCode(429);
    }

    @Test
    void storeResetClearsTheCounters() {
        spend(DemoAccounts.ALICE_READ_KEY, 0);
        SimulatorApi.alice().get(ME).then().statusCode(429);
        store.reset();
        SimulatorApi.alice().get(ME).then().statusCode(200);
    }

    @Test
    void publicEndpointsAreNotCounted() {
        spend(DemoAccounts.ALICE_READ_KEY, 0);
        SimulatorApi.alice().get(SimulatorApi.BASE).then().statusCode(200);
        given().get(SimulatorApi.BASE + "/openapi.json").then().statusCode(200);
    }

    @Test
    void invalidKeysAre401NotRateLimited() {
        for (int i = 0; i < 3; i++) {
            assertEquals(401, SimulatorApi.as("tly-ro-unknown").get(ME).statusCode());
        }
    }
}
