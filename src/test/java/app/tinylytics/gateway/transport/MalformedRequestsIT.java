package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import app.tinylytics.gateway.support.SimulatorUpstream;

/**
 * The malformed-request suite of {@link MalformedRequestsWireMockTest} against the packaged jar, with the demo build
 * as its upstream. Statuses and shapes only: the application runs in another process, so whether anything was
 * executed or sent upstream cannot be observed here (the WireMock test checks both).
 */
@QuarkusIntegrationTest
@WithTestResource(SimulatorUpstream.class)
class MalformedRequestsIT {

    private static final Logger LOG = Logger.getLogger(MalformedRequestsIT.class);

    @Test
    void noMalformedRequestIsAnswered5xxOrOutsideTheGraphqlShape() {
        List<MalformedRequest> requests = new ArrayList<>(GeneratedRequests.all());
        requests.addAll(HandWrittenRequests.all());

        SuiteRun run = SuiteRun.of(requests, RawHttp.toApplication(), null);

        LOG.infof("Malformed-request suite against the packaged jar: %s", run.summary());
        assertEquals(0, run.serverErrors(), run.summary());
        assertEquals("", run.violations().stream().limit(40).collect(Collectors.joining("\n")),
                run.violations().size() + " wrong answers; " + run.summary());
    }
}
