package app.tinylytics.gateway.signals;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** Signals against the embedded simulator's seeded demo data (blog 456: insights on; docs 457: off). */
@QuarkusTest
class SignalsSimulatorTest {

    /** Real time: the app's clock runs unshifted in these suites (and in the packaged jar). */
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void defaultWindowListsTheLastThirtyDaysNewestFirst() {
        String first = "data.site.signals.nodes[0]";
        GraphQL.document("signals-all-fields").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.signals.pageInfo.totalCount", equalTo(3))
                .body(first + ".title", equalTo("Newsletter #42 sent"))
                .body(first + ".description", equalTo("Featured the Rails post that is now breaking out."))
                .body(first + ".category", equalTo("NEWSLETTER"))
                .body(first + ".metadata.path", equalTo("/blog/rails-post"))
                .body(first + ".externalId", equalTo("newsletter-42"))
                .body("data.site.signals.nodes[1].category", equalTo("SOCIAL"))
                .body("data.site.signals.nodes[1].metadata.url", equalTo("https://mastodon.social/@alice/1"));
    }

    @Test
    void categoryAndRangeFilterTheSignals() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        GraphQL.document("signals-all-fields").variable("id", "456")
                .variable("start", today.minusDays(120).toString()).variable("end", today.toString())
                .variable("category", "NEWSLETTER").post()
                .body("errors", nullValue())
                .body("data.site.signals.pageInfo.totalCount", equalTo(2))
                .body("data.site.signals.nodes.category", everyItem(equalTo("NEWSLETTER")));
    }

    @Test
    void insightsSwitchedOffIsFeatureDisabled() {
        GraphQL.document("signals-all-fields").variable("id", "457").post()
                .body("errors[0].extensions.code", equalTo("FEATURE_DISABLED"))
                .body("errors[0].path[1]", equalTo("signals"));
    }
}
