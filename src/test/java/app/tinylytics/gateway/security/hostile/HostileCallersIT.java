package app.tinylytics.gateway.security.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;

/**
 * The hostile-caller suite (issue 13, point 7): the packaged production jar, run as operators run it (prod profile,
 * environment variables; frontends with JWT, open reads on a closed network, and nothing declared), attacked over HTTP
 * and WebSocket as a caller on the same network would, one group per attack. Each test asserts the defended outcome and
 * its cost (upstream calls counted at the WireMock upstream, budgets before and after) and records what it measured;
 * the README's "Hostile callers" table must be exactly what the run measured ({@code target/hostile-callers/outcomes.md}).
 * Metrics and logs are searched last, after every key and token has been sent.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class HostileCallersIT {

    @BeforeAll
    static void startTheDeployments() {
        Deployments.start();
    }

    @AfterAll
    static void writeTheOutcomesAndStop() {
        try {
            AttackReport.write();
        } finally {
            Deployments.stop();
        }
    }

    @Nested
    @Order(1)
    class CachePoisoning extends CachePoisoningAttacks {
    }

    @Nested
    @Order(2)
    class CrossKeyReads extends CrossKeyAttacks {
    }

    @Nested
    @Order(3)
    class BudgetDrain extends BudgetDrainAttacks {
    }

    @Nested
    @Order(4)
    class QueryBombs extends QueryBombAttacks {
    }

    @Nested
    @Order(5)
    class SharedStores extends SharedStoreAttacks {
    }

    @Nested
    @Order(6)
    class ForgedJwts extends JwtAttacks {
    }

    @Nested
    @Order(7)
    class Oversized extends OversizedAttacks {
    }

    @Nested
    @Order(8)
    class WebSocketAbuse extends WebSocketAbuseAttacks {
    }

    @Nested
    @Order(9)
    class SecureByDefault extends SecureByDefaultAttacks {
    }

    @Nested
    @Order(10)
    class KeysInMetricsAndLogs extends MetricsAndLogsAttacks {
    }

    @Nested
    @Order(11)
    class Readme {

        @Test
        void theSecurityTableHoldsEveryAttackWithWhatThisRunMeasured() {
            AttackReport.write();
            assertEquals(List.of(), AttackReport.readmeDifferences(Path.of("README.md")),
                    "copy the table from " + AttackReport.FILE + " into the README's Security section");
        }
    }
}
