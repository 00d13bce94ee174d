package app.tinylytics.gateway.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The upstream-call and row caps of one operation, and of each evaluation of a long-lived subscription. */
class OperationCapTest {

    @Test
    void refusesTheCallsBeyondTheCap() {
        Operation operation = new Operation("dashboard", "query", 3);

        assertEquals(List.of(true, true, true, false, false),
                IntStream.range(0, 5).mapToObj(i -> operation.tryUpstreamCall()).toList());
    }

    @Test
    void refusesTheCallThatWouldAskForMoreRowsThanTheCapAndCountsNothingForIt() {
        Operation operation = new Operation("sites-hits", "query", 50, 2500);

        assertEquals(List.of(true, true, false, true, true, false),
                IntStream.of(1000, 1000, 1000, 500, 0, 1).mapToObj(rows -> operation.tryUpstreamCall(rows)).toList());
    }

    @Test
    void theRowCapIsForEachEvaluationOfASubscriptionToo() {
        Operation subscription = new Operation("live", "subscription", 50, 1000);
        for (int event = 0; event < 10; event++) {
            assertTrue(subscription.tryUpstreamCall(1000), "event " + event);
            assertFalse(subscription.tryUpstreamCall(1), "event " + event + ", over the row cap");
            subscription.nextEvaluation();
        }
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
