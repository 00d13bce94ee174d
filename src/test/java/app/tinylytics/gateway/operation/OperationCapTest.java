package app.tinylytics.gateway.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The upstream-call cap of one operation, and of each evaluation of a long-lived subscription. */
class OperationCapTest {

    @Test
    void refusesTheCallsBeyondTheCap() {
        Operation operation = new Operation("dashboard", "query", 3);

        assertEquals(List.of(true, true, true, false, false),
                IntStream.range(0, 5).mapToObj(i -> operation.tryUpstreamCall()).toList());
    }

    @Test
    void aSubscriptionGetsTheWholeCapForEachEvaluation() {
        Operation subscription = new Operation("live", "subscription", 2);
        for (int event = 0; event < 100; event++) {
            assertTrue(subscription.tryUpstreamCall(), "event " + event + ", first call");
            assertTrue(subscription.tryUpstreamCall(), "event " + event + ", second call");
            assertFalse(subscription.tryUpstreamCall(), "event " + event + ", over the cap");
            subscription.nextEvaluation();
        }
    }
}
