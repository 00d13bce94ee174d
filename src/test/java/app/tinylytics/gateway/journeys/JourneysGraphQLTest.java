package app.tinylytics.gateway.journeys;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** {@code Site.journeys} against the embedded simulator's demo data. */
@QuarkusTest
class JourneysGraphQLTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogJourneysComeWithSummaryAndTopPages() {
        GraphQL.document("journeys").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.journeys.nodes", hasSize(50))
                .body("data.site.journeys.pageInfo.perPage", equalTo(50))
                .body("data.site.journeys.summary.totalVisitors", greaterThan(50))
                .body("data.site.journeys.topEntryPages", not(empty()))
                .body("data.site.journeys.topExitPages", not(empty()))
                .body("data.site.journeys.topEntryPages.visitors", everyItem(greaterThan(0)));
    }

    @Test
    void summaryVisitorsAddUp() {
        Map<String, Number> summary = GraphQL.document("journeys").variable("id", "456").post()
                .extract().path("data.site.journeys.summary");
        assertEquals(summary.get("totalVisitors").intValue(),
                summary.get("multiPageVisitors").intValue() + summary.get("singlePageVisitors").intValue());
    }

    @Test
    void everyJourneyListsOnePathPerPageInVisitOrder() {
        List<Map<String, Object>> journeys = GraphQL.document("journeys").variable("id", "456").post()
                .extract().path("data.site.journeys.nodes");
        for (Map<String, Object> journey : journeys) {
            List<?> paths = (List<?>) journey.get("paths");
            assertEquals(journey.get("pageCount"), paths.size(), journey.toString());
            assertEquals(journey.get("entryPage"), paths.get(0), journey.toString());
            assertEquals(journey.get("exitPage"), paths.get(paths.size() - 1), journey.toString());
        }
    }
}
