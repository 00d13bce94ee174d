package app.tinylytics.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.WireMockProfile;
import app.tinylytics.gateway.support.WireMockUpstream.InjectWireMock;

/**
 * Issue 11, point 5: a generated suite of malformed requests (plus hand-written edge cases) over raw HTTP. Every
 * answer is below 500 and of the GraphQL shape ({@link AnswerCheck}), nothing is executed, and upstream is never
 * called. Its counts are logged and quoted in the README ("Errors").
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
class MalformedRequestsWireMockTest {

    private static final Logger LOG = Logger.getLogger(MalformedRequestsWireMockTest.class);
    /** What issue 11 asks for at least, per run. */
    private static final int GENERATED_AT_LEAST = 500;

    @InjectWireMock
    WireMockServer upstream;

    private ExecutedOperations executed;

    @BeforeEach
    void start() {
        upstream.resetAll();
        executed = ExecutedOperations.capture();
    }

    @AfterEach
    void stop() {
        executed.close();
    }

    @Test
    void noMalformedRequestIsAnswered5xxOrExecutedOrSentUpstream() {
        List<MalformedRequest> generated = GeneratedRequests.all();
        List<MalformedRequest> requests = new ArrayList<>(generated);
        requests.addAll(HandWrittenRequests.all());

        SuiteRun run = SuiteRun.of(requests, RawHttp.toApplication(), executed);

        LOG.infof("Malformed-request suite (%d generated from seeds %d+, %d hand-written): %s", generated.size(),
                GeneratedRequests.BASE_SEED, requests.size() - generated.size(), run.summary());
        assertTrue(generated.size() >= GENERATED_AT_LEAST, "only " + generated.size() + " generated requests");
        assertEquals(0, run.serverErrors(), run.summary());
        assertEquals("", run.violations().stream().limit(40).collect(Collectors.joining("\n")),
                run.violations().size() + " wrong answers; " + run.summary());
        assertEquals(0, run.executions(), run.summary());
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theSameRequestsWellFormedAreExecutedAndCallUpstream() {
        RawHttp http = RawHttp.toApplication();
        // The GET first: once the same query has run over POST, the operation cache may answer it without executing.
        int beforeGet = executed.count();
        assertEquals(200, http.send(RawRequest.get(ValidRequests.SITE.getTarget())).status());
        assertEquals(beforeGet + 1, executed.count(), "a GET query was not seen executing");
        for (ValidRequests.Template template : ValidRequests.ALL) {
            if (template == ValidRequests.SITE) {
                continue;
            }
            int before = executed.count();
            RawResponse answer = http.send(RawRequest.postJson(template.json()));
            assertEquals(200, answer.status(), template.name() + ": " + answer);
            assertEquals(before + 1, executed.count(), template.name() + " was not seen executing");
        }
        // Reads the templates share (the site, the site list, absent answers) are fetched once and then cached.
        upstream.verify(moreThanOrExactly(1), anyRequestedFor(anyUrl()));
    }

    @Test
    void anExtraUndeclaredVariableIsIgnoredAsTheSpecSays() {
        // GraphQL's CoerceVariableValues reads only the variables the operation declares: an extra one is no error.
        int before = executed.count();
        RawResponse answer = RawHttp.toApplication().send(RawRequest.postJson(Cases.body(ValidRequests.ME.document(),
                "{\"unknown\":{\"a\":[1,2]}}")));
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(before + 1, executed.count());
    }

    @Test
    void aByteOrderMarkBeforeTheJsonIsIgnoredAsRfc8259Allows() {
        // RFC 8259 §8.1: a parser MAY ignore a BOM rather than treat it as an error; Jackson does.
        int before = executed.count();
        RawResponse answer = RawHttp.toApplication().send(RawRequest.postJson(Cases.insert(ValidRequests.ME.json(), 0,
                Cases.bytes(0xEF, 0xBB, 0xBF))));
        assertEquals(200, answer.status(), answer.toString());
        assertEquals(before + 1, executed.count());
    }
}
