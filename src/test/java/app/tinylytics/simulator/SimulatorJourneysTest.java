package app.tinylytics.simulator;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SimulatorJourneysTest extends FreshSimulator {

    private static final String JOURNEYS = SimulatorApi.BASE + "/sites/456/user_journeys";

    @Test
    void documentedExampleHasJourneysSummaryInsightsPaginationAndFilters() {
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(31).toString();
        String end = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        SimulatorApi.alice().queryParam("start_date", start).queryParam("end_date", end).queryParam("time_zone", "user")
                .get(JOURNEYS).then().statusCode(200)
                .body("user_journeys.size()", equalTo(50))
                .body("user_journeys[0].visitor_hash", instanceOf(String.class))
                .body("user_journeys[0].page_count", greaterThan(0))
                .body("user_journeys[0].first_hit", instanceOf(String.class))
                .body("user_journeys[0].last_hit", instanceOf(String.class))
                .body("user_journeys[0].duration_minutes", instanceOf(Integer.class))
                .body("user_journeys[0].pages[0]", hasKey("path"))
                .body("user_journeys[0].entry_page", instanceOf(String.class))
                .body("user_journeys[0].exit_page", instanceOf(String.class))
                .body("user_journeys[0].session_duration", instanceOf(Integer.class))
                .body("user_journeys[0]", hasKey("referrer"))
                .body("user_journeys[0].country", instanceOf(String.class))
                .body("user_journeys[0].browser", instanceOf(String.class))
                .body("summary.total_visitors", greaterThan(100))
                .body("summary.multi_page_visitors", greaterThan(0))
                .body("summary.single_page_visitors", greaterThan(0))
                .body("summary.bounce_rate", instanceOf(Float.class))
                .body("insights.top_entry_pages[0].path", instanceOf(String.class))
                .body("insights.top_entry_pages[0].visitors", greaterThan(0))
                .body("insights.top_exit_pages[0].visitors", greaterThan(0))
                .body("pagination.per_page", equalTo(50))
                .body("filters.start_date", equalTo(start))
                .body("filters.end_date", equalTo(end))
                .body("filters.time_zone", equalTo("user"));
    }

    @Test
    void summaryIsConsistentWithTheBounceRate() {
        JsonPath json = SimulatorApi.alice().get(JOURNEYS).then().statusCode(200).extract().jsonPath();
        int total = json.getInt("summary.total_visitors");
        int single = json.getInt("summary.single_page_visitors");
        assertEquals(total, json.getInt("summary.multi_page_visitors") + single);
        assertEquals(total, json.getInt("pagination.total_count"));
        assertEquals(Math.round(1000.0 * single / total) / 10.0, json.getDouble("summary.bounce_rate"), 0.051);
    }

    @Test
    void topEntryPagesAreSortedByVisitors() {
        List<Integer> visitors = SimulatorApi.alice().get(JOURNEYS).then().extract().path("insights.top_entry_pages.visitors");
        assertEquals(visitors.stream().sorted(Comparator.reverseOrder()).toList(), visitors);
    }

    @Test
    void perPageIsClampedTo50() {
        SimulatorApi.alice().queryParam("per_page", 500).get(JOURNEYS).then().statusCode(200)
                .body("pagination.per_page", equalTo(50))
                .body("user_journeys.size()", lessThanOrEqualTo(50));
    }

    @Test
    void trackedVisitBecomesAJourneyWithPagesInVisitOrder() {
        String hits = SimulatorApi.BASE + "/sites/456/hits";
        SimulatorApi.aliceWriter().body("{\"path\":\"/\",\"visitor_id\":\"journey-1\",\"referrer\":\"https://google.com\",\"country\":\"DE\"}")
                .post(hits).then().statusCode(201);
        clock.advance(Duration.ofMinutes(4));
        SimulatorApi.aliceWriter().body("{\"path\":\"/blog\",\"visitor_id\":\"journey-1\"}").post(hits).then().statusCode(201);
        clock.advance(Duration.ofMinutes(8));
        String visitorHash = SimulatorApi.aliceWriter().body("{\"path\":\"/pricing\",\"visitor_id\":\"journey-1\"}").post(hits)
                .then().statusCode(201).extract().path("hit.visitor_hash");
        // The newest journey comes first, so ours heads today's list.
        SimulatorApi.alice().get(JOURNEYS).then().statusCode(200)
                .body("user_journeys[0].visitor_hash", equalTo(visitorHash))
                .body("user_journeys[0].page_count", equalTo(3))
                .body("user_journeys[0].pages.path", contains("/", "/blog", "/pricing"))
                .body("user_journeys[0].entry_page", equalTo("/"))
                .body("user_journeys[0].exit_page", equalTo("/pricing"))
                .body("user_journeys[0].duration_minutes", equalTo(12))
                // Real time also passes between the requests (seconds on a busy machine), on top of the 12 minutes moved.
                .body("user_journeys[0].session_duration", both(greaterThanOrEqualTo(720)).and(lessThan(780)))
                .body("user_journeys[0].referrer", equalTo("https://google.com"))
                .body("user_journeys[0].country", equalTo("DE"));
    }

    @Test
    void badDateRangeIs400() {
        SimulatorApi.alice().queryParam("start_date", "2026-02-10").queryParam("end_date", "2026-02-01").get(JOURNEYS)
                .then().statusCode(400);
    }
}
