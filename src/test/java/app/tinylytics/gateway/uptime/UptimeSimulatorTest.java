package app.tinylytics.gateway.uptime;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** Uptime against the embedded simulator's seeded demo data (blog 456 up, docs 457 unmonitored, shop 458 down). */
@QuarkusTest
class UptimeSimulatorTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogMonitorIsUpWithThreePastDowntimes() {
        GraphQL.document("uptime-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.uptime.monitor.url", equalTo("https://example.com"))
                .body("data.site.uptime.monitor.isDown", equalTo(false))
                .body("data.site.uptime.monitor.checkIntervalSeconds", equalTo(300))
                .body("data.site.uptime.monitor.uptimePercent", notNullValue())
                .body("data.site.uptime.monitor.ssl.valid", equalTo(true))
                .body("data.site.uptime.monitor.domain.source", equalTo("whois"))
                .body("data.site.uptime.downtimes.size()", equalTo(3))
                .body("data.site.uptime.downtimes[0].error", equalTo("Connection timed out"))
                .body("data.site.uptime.downtimes[0].durationSeconds", equalTo(900))
                .body("data.site.uptime.summary.totalDowntimes", equalTo(3))
                .body("data.site.uptime.summary.ongoingDowntimes", equalTo(0))
                .body("data.site.uptime.summary.recentDowntimes30Days", equalTo(1));
    }

    @Test
    void uptimeNotEnabledIsNullWithoutError() {
        GraphQL.document("uptime-all-fields").variable("id", "457").post()
                .body("errors", nullValue())
                .body("data.site.id", equalTo("457"))
                .body("data.site.uptime", nullValue());
    }

    @Test
    void shopIsDownWithAnOngoingDowntime() {
        GraphQL.document("uptime-all-fields").variable("id", "458").post()
                .body("errors", nullValue())
                .body("data.site.uptime.monitor.isDown", equalTo(true))
                .body("data.site.uptime.downtimes[0].ongoing", equalTo(true))
                .body("data.site.uptime.downtimes[0].endedAt", nullValue())
                .body("data.site.uptime.summary.ongoingDowntimes", equalTo(1));
    }
}
