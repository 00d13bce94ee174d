package app.tinylytics.gateway.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * The warm-up sends the gateway repeated queries over loopback that the operation cache answers: every one comes
 * back with the made-up answer, nothing executes, nothing goes upstream. The tests switch the startup warm-up off
 * (the gateway is then ready at once) and run it here instead.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class HotPathWarmUpTest {

    private static final int REQUESTS = 40;

    @InjectWireMock
    WireMockServer upstream;
    @Inject
    HotPathWarmUp warmUp;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeEach
    void resetUpstream() {
        upstream.resetAll();
    }

    @Test
    void everyRequestIsAnsweredFromTheOperationCache() throws Exception {
        double hits = count("gateway.operation.cache.requests", "hit");

        HotPathWarmUp.Outcome outcome = warmUp.run("127.0.0.1", port, REQUESTS).toCompletableFuture().get(2, TimeUnit.MINUTES);

        assertEquals(REQUESTS, outcome.answered());
        assertEquals(0, outcome.failed());
        assertEquals(hits + REQUESTS, count("gateway.operation.cache.requests", "hit"));
    }

    @Test
    void nothingExecutesAndNothingGoesUpstream() throws Exception {
        long executed = registry.find("gateway.graphql.operations").timers().stream().mapToLong(timer -> timer.count()).sum();

        warmUp.run("127.0.0.1", port, REQUESTS).toCompletableFuture().get(2, TimeUnit.MINUTES);

        assertEquals(executed, registry.find("gateway.graphql.operations").timers().stream().mapToLong(timer -> timer.count()).sum());
        assertTrue(upstream.getAllServeEvents().isEmpty(), "no upstream request");
    }

    @Test
    void readyAtOnceWhenTheWarmUpIsOff() {
        given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'warm-up' }.status", equalTo("UP"));
    }

    private double count(String name, String result) {
        return registry.counter(name, "result", result).count();
    }
}
