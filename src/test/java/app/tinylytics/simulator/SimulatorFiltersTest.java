package app.tinylytics.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.junit.jupiter.api.Test;

/**
 * The latency and the injected faults of the simulator, tested on the filters themselves: the test profile
 * runs the simulator without either, and a second profile would cost another boot.
 */
class SimulatorFiltersTest {

    @Test
    void latencyHoldsTheResponseBackWithoutBlockingTheCaller() throws Exception {
        FakeRequest request = new FakeRequest("/simulator/api/v1/me");
        long start = System.nanoTime();
        new LatencyFilter(config(Duration.ofSeconds(1), 0.0)).filter(request.context(), null);
        long filteredAfter = System.nanoTime();
        assertTrue(request.suspended, "the response must wait");
        assertFalse(request.resumed.isDone(), "the filter must return before the latency has passed");
        assertTrue(Duration.ofNanos(filteredAfter - start).toMillis() < 500, "the filter must not block");
        request.resumed.get(5, TimeUnit.SECONDS);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 990, "the delay must last the configured latency");
    }

    @Test
    void noLatencyMeansNoDelay() {
        FakeRequest request = new FakeRequest("/simulator/api/v1/me");
        new LatencyFilter(config(Duration.ZERO, 0.0)).filter(request.context(), null);
        assertFalse(request.suspended);
    }

    @Test
    void latencyLeavesOtherRoutesAlone() {
        FakeRequest request = new FakeRequest("/graphql");
        new LatencyFilter(config(Duration.ofSeconds(5), 0.0)).filter(request.context(), null);
        assertFalse(request.suspended);
    }

    @Test
    void aFaultRateOfOneFailsEverySimulatorRequestWith503() {
        FakeRequest request = new FakeRequest("/simulator/api/v1/me");
        new InjectedFaultFilter(config(Duration.ZERO, 1.0)).filter(request.context());
        assertEquals(503, request.abortedWith.getStatus());
    }

    @Test
    void faultsLeaveOtherRoutesAlone() {
        FakeRequest request = new FakeRequest("/graphql");
        new InjectedFaultFilter(config(Duration.ZERO, 1.0)).filter(request.context());
        assertNull(request.abortedWith);
    }

    @Test
    void aFaultRateOfZeroFailsNothing() {
        FakeRequest request = new FakeRequest("/simulator/api/v1/me");
        new InjectedFaultFilter(config(Duration.ZERO, 0.0)).filter(request.context());
        assertNull(request.abortedWith);
    }

    private static SimulatorConfig config(Duration latency, double faultRate) {
        return (SimulatorConfig) Proxy.newProxyInstance(SimulatorFiltersTest.class.getClassLoader(),
                new Class<?>[] {SimulatorConfig.class},
                (p, method, args) -> switch (method.getName()) {
                    case "latency" -> latency;
                    case "faultRate" -> faultRate;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A request context that records what the filters do to it. */
    private static final class FakeRequest {

        private final UriInfo uriInfo;
        private volatile boolean suspended;
        private volatile Response abortedWith;
        private final CompletableFuture<Void> resumed = new CompletableFuture<>();

        FakeRequest(String path) {
            URI uri = URI.create("http://localhost" + path);
            this.uriInfo = (UriInfo) Proxy.newProxyInstance(SimulatorFiltersTest.class.getClassLoader(),
                    new Class<?>[] {UriInfo.class}, (p, method, args) -> {
                        if (method.getName().equals("getRequestUri")) {
                            return uri;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        ResteasyReactiveContainerRequestContext context() {
            return (ResteasyReactiveContainerRequestContext) Proxy.newProxyInstance(
                    SimulatorFiltersTest.class.getClassLoader(),
                    new Class<?>[] {ResteasyReactiveContainerRequestContext.class}, (p, method, args) -> {
                        switch (method.getName()) {
                            case "getUriInfo" -> {
                                return uriInfo;
                            }
                            case "suspend" -> suspended = true;
                            case "resume" -> resumed.complete(null);
                            case "abortWith" -> abortedWith = (Response) args[0];
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                        return null;
                    });
        }
    }
}
