package app.tinylytics.gateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import app.tinylytics.gateway.config.TinylyticsConfig;

/**
 * The enabled switch and the latency of the simulator, tested on the filter itself: the test profile
 * keeps the simulator enabled without latency, and a second profile would cost another boot.
 */
class SimulatorFiltersTest {

    @Test
    void everySimulatorPathIs404WhenDisabled() {
        SimulatorFilters filters = new SimulatorFilters(config(false, Duration.ZERO));
        Optional<Response> response = filters.hideWhenDisabled(request("/simulator/api/v1/me"));
        assertEquals(404, response.orElseThrow().getStatus());
        assertEquals(404, filters.hideWhenDisabled(request("/simulator/api/v1")).orElseThrow().getStatus());
        assertEquals(404, filters.hideWhenDisabled(request("/simulator/api/v1/openapi.json")).orElseThrow().getStatus());
    }

    @Test
    void otherPathsPassWhenDisabled() {
        SimulatorFilters filters = new SimulatorFilters(config(false, Duration.ZERO));
        assertTrue(filters.hideWhenDisabled(request("/graphql")).isEmpty());
    }

    @Test
    void simulatorPathsPassWhenEnabled() {
        SimulatorFilters filters = new SimulatorFilters(config(true, Duration.ZERO));
        assertTrue(filters.hideWhenDisabled(request("/simulator/api/v1/me")).isEmpty());
    }

    @Test
    void latencyDelaysTheResponseWithoutBlockingTheCaller() {
        SimulatorFilters filters = new SimulatorFilters(config(true, Duration.ofMillis(300)));
        long start = System.nanoTime();
        var delay = filters.delay(request("/simulator/api/v1/me"));
        long subscribedAfter = System.nanoTime();
        delay.await().atMost(Duration.ofSeconds(5));
        long done = System.nanoTime();
        assertTrue(Duration.ofNanos(subscribedAfter - start).toMillis() < 100, "building the delay must not block");
        assertTrue(Duration.ofNanos(done - start).toMillis() >= 290, "the delay must last the configured latency");
    }

    @Test
    void noLatencyMeansNoDelay() {
        SimulatorFilters filters = new SimulatorFilters(config(true, Duration.ZERO));
        long start = System.nanoTime();
        filters.delay(request("/simulator/api/v1/me")).await().atMost(Duration.ofSeconds(1));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 100);
    }

    private static ContainerRequestContext request(String path) {
        UriInfo uriInfo = proxy(UriInfo.class, "getRequestUri", URI.create("http://localhost" + path));
        return proxy(ContainerRequestContext.class, "getUriInfo", uriInfo);
    }

    @Test
    void aFaultRateOfOneFailsEverySimulatorRequestWith503AndZeroNone() {
        assertEquals(503, new SimulatorFilters(config(true, Duration.ZERO, 1.0)).failSome(request("/simulator/api/v1/me"))
                .orElseThrow().getStatus());
        assertTrue(new SimulatorFilters(config(true, Duration.ZERO, 1.0)).failSome(request("/graphql")).isEmpty());
        assertTrue(new SimulatorFilters(config(true, Duration.ZERO, 0.0)).failSome(request("/simulator/api/v1/me")).isEmpty());
    }

    private static TinylyticsConfig config(boolean enabled, Duration latency) {
        return config(enabled, latency, 0.0);
    }

    private static TinylyticsConfig config(boolean enabled, Duration latency, double faultRate) {
        TinylyticsConfig.Simulator simulator = (TinylyticsConfig.Simulator) Proxy.newProxyInstance(
                SimulatorFiltersTest.class.getClassLoader(), new Class<?>[] {TinylyticsConfig.Simulator.class},
                (p, method, args) -> switch (method.getName()) {
                    case "enabled" -> enabled;
                    case "latency" -> latency;
                    case "hourlyLimit" -> 1000;
                    case "faultRate" -> faultRate;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return proxy(TinylyticsConfig.class, "simulator", simulator);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String methodName, Object value) {
        return (T) Proxy.newProxyInstance(SimulatorFiltersTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    if (method.getName().equals(methodName)) {
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
