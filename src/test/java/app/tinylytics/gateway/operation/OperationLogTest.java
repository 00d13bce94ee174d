package app.tinylytics.gateway.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;

/** One log line and one timed metric per GraphQL operation, with what it cost upstream, and nothing secret. */
@QuarkusTest
class OperationLogTest {

    @Inject
    MeterRegistry registry;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(OperationLog.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            lines.add(message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void eachExecutedOperationLogsItsNameDurationUpstreamCallsAndCacheHits() {
        long timedBefore = executedQueries();

        GraphQL.document("operation-sites").post();
        GraphQL.document("sites-ids").withKey("tly-ro-demo-alice-read").post();
        GraphQL.document("sites-ids").withKey("tly-ro-demo-alice-read").post(); // answered whole from the operation cache

        List<String> operations = lines.stream().filter(line -> line.startsWith("graphql operation=")).toList();
        assertEquals(2, operations.size(), operations.toString());
        assertTrue(operations.get(0).matches("graphql operation=DashboardSites type=query durationMs=\\d+ upstreamCalls=1 cacheHits=0 staleHits=0 errors=0"),
                operations.get(0));
        assertTrue(operations.get(1).matches("graphql operation=SiteIds type=query durationMs=\\d+ upstreamCalls=0 cacheHits=1 staleHits=0 errors=0"),
                operations.get(1));
        assertTrue(operations.stream().noneMatch(line -> line.contains("tly-")), operations.toString());
        assertEquals(timedBefore + 2, executedQueries(), "one gateway.graphql.operations timing per executed operation");
    }

    private long executedQueries() {
        Timer timer = registry.find("gateway.graphql.operations").tag("type", "query").tag("outcome", "ok").timer();
        return timer == null ? 0 : timer.count();
    }
}
