package app.tinylytics.simulator;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorConcurrencyTest {

    private static final int REQUESTS = 64;

    @Inject
    SimulatorStore store;

    @BeforeEach
    void reset() {
        store.reset();
    }

    private static List<Integer> inParallel(java.util.function.IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                futures.add(pool.submit(() -> request.apply(n)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentHitsAreAllStored() throws Exception {
        int before = SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().extract().path("lifetime_hits");
        List<Integer> statuses = inParallel(n -> SimulatorApi.aliceWriter().body("{\"path\":\"/parallel-" + n + "\"}")
                .post(SimulatorApi.BASE + "/sites/456/hits").statusCode());
        assertEquals(REQUESTS, statuses.stream().filter(s -> s == 201).count());
        SimulatorApi.alice().get(SimulatorApi.BASE + "/sites/456").then().body("lifetime_hits", equalTo(before + REQUESTS));
    }

    @Test
    void concurrentKudosWithTheSameUidCreateExactlyOne() throws Exception {
        List<Integer> statuses = inParallel(n -> SimulatorApi.aliceWriter().body("{\"path\":\"/a\",\"custom_uid\":\"race\"}")
                .post(SimulatorApi.BASE + "/sites/456/kudos").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(REQUESTS - 1, statuses.stream().filter(s -> s == 422).count());
    }

    @Test
    void concurrentSignalsWithTheSameExternalIdCreateExactlyOne() throws Exception {
        List<Integer> statuses = inParallel(n -> SimulatorApi.aliceWriter()
                .body("{\"signal\":{\"occurred_at\":\"2026-02-12T09:00:00Z\",\"title\":\"t" + n + "\",\"external_id\":\"race\"}}")
                .post(SimulatorApi.BASE + "/sites/456/signals").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count());
        assertEquals(REQUESTS - 1, statuses.stream().filter(s -> s == 200).count());
    }
}
