package app.tinylytics.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

import app.tinylytics.gateway.operation.Operations;
import app.tinylytics.gateway.upstream.Endpoint;
import app.tinylytics.gateway.upstream.UpstreamFailure;

/** A live stream outlives a passing upstream outage, and ends on anything else. */
@QuarkusTest
class LiveUpdatesTest {

    @Inject
    LiveUpdates live;

    @Inject
    Operations operations;

    @Test
    void aReadUpstreamCannotAnswerForNowIsTriedAgainAtTheNextIntervalInsteadOfEndingTheSubscription() {
        AtomicInteger reads = new AtomicInteger();
        AssertSubscriber<String> subscriber = live.of(operations.newOperation(), 1, () -> reads.incrementAndGet() == 1
                ? Uni.createFrom().failure(UpstreamFailure.noAnswer(Endpoint.SITES, new ConnectException("refused")))
                : Uni.createFrom().item("site 456"))
                .subscribe().withSubscriber(AssertSubscriber.create(1));

        subscriber.awaitItems(1, Duration.ofSeconds(10)).assertNotTerminated();
        assertEquals("site 456", subscriber.getItems().get(0));
        assertEquals(2, reads.get());
        subscriber.cancel();
    }

    @Test
    void aFailureThatIsNotTemporaryEndsTheSubscriptionWithIt() {
        UpstreamFailure refused = UpstreamFailure.answered(Endpoint.SITES, 401, "{\"error\": \"Invalid API key\"}",
                OptionalLong.empty());
        AssertSubscriber<String> subscriber = live.of(operations.newOperation(), 1, () -> Uni.createFrom().<String>failure(refused))
                .subscribe().withSubscriber(AssertSubscriber.create(1));

        subscriber.awaitFailure(Duration.ofSeconds(10));
        assertSame(refused, assertInstanceOf(UpstreamFailure.class, subscriber.getFailure()));
    }
}
