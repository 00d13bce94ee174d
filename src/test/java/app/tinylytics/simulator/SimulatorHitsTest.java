package app.tinylytics.simulator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SimulatorHitsTest extends FreshSimulator {

    private static final String HITS = SimulatorApi.BASE + "/sites/456/hits";
    private static final String ISO_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void defaultRangeIsThirtyDaysAgoUntilTodayInUtc() {
        SimulatorApi.alice().get(HITS).then().statusCode(200)
                .body("filters.start_date", equalTo(todayUtc().minusDays(30).toString()))
                .body("filters.end_date", equalTo(todayUtc().toString()))
                .body("filters.time_zone", equalTo("utc"))
                .body("pagination.current_page", equalTo(1))
                .body("pagination.per_page", equalTo(100))
                .body("pagination.total_count", greaterThan(300))
                .body("hits", hasSize(100));
    }

    @Test
    void ungroupedFiltersBlockHasExactlyTheDocumentedKeys() {
        Map<String, Object> filters = SimulatorApi.alice().get(HITS).then().statusCode(200).extract().path("filters");
        assertEquals(List.of("start_date", "end_date", "time_zone", "country", "path", "referrer", "grouped"), List.copyOf(filters.keySet()));
        assertEquals(false, filters.get("grouped"));
        assertTrue(filters.containsKey("country") && filters.get("country") == null);
    }

    @Test
    void rawHitHasTheDocumentedFieldsAndNoHashes() {
        SimulatorApi.alice().get(HITS).then().statusCode(200)
                .body("hits[0].id", instanceOf(Integer.class))
                .body("hits[0].url", containsString("https://example.com/"))
                .body("hits[0].path", matchesPattern("/.*"))
                .body("hits[0]", hasKey("referrer"))
                .body("hits[0].country", matchesPattern("[A-Z]{2}"))
                .body("hits[0].browser_name", instanceOf(String.class))
                .body("hits[0].platform_name", instanceOf(String.class))
                .body("hits[0].is_mobile", instanceOf(Boolean.class))
                .body("hits[0]", hasKey("source"))
                .body("hits[0].created_at", matchesPattern(ISO_SECONDS))
                .body("hits[0]", not(hasKey("unique_hash")))
                .body("hits[0]", not(hasKey("visitor_hash")));
    }

    @Test
    void rawHitsAreNewestFirst() {
        List<String> times = SimulatorApi.alice().get(HITS).then().extract().path("hits.created_at");
        List<String> sorted = times.stream().sorted(Comparator.reverseOrder()).toList();
        assertEquals(sorted, times);
    }

    @Test
    void documentedUserTimeZoneExampleOnlyReturnsHitsOfTheAccountsDay() {
        LocalDate day = todayUtc().minusDays(5);
        List<String> user = SimulatorApi.alice()
                .queryParam("start_date", day.toString()).queryParam("end_date", day.toString())
                .queryParam("time_zone", "user").queryParam("per_page", 1000)
                .get(HITS).then().statusCode(200)
                .body("filters.start_date", equalTo(day.toString()))
                .body("filters.end_date", equalTo(day.toString()))
                .body("filters.time_zone", equalTo("user"))
                .body("filters.grouped", equalTo(false))
                .extract().path("hits.created_at");
        Instant from = day.atStartOfDay(ZoneId.of("Europe/Warsaw")).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(ZoneId.of("Europe/Warsaw")).toInstant();
        assertTrue(user.size() > 0);
        user.stream().map(Instant::parse).forEach(at -> assertTrue(!at.isBefore(from) && at.isBefore(until), at + " outside Warsaw day"));
    }

    @Test
    void hitJustBeforeUtcMidnightBelongsToTheNextDayInUserMode() {
        Instant lateEvening = todayUtc().minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), lateEvening));
        SimulatorApi.aliceWriter().body("{\"path\":\"/midnight\"}").post(HITS).then().statusCode(201);
        clock.reset();
        String today = todayUtc().toString();
        String yesterday = todayUtc().minusDays(1).toString();
        SimulatorApi.alice().queryParam("path", "/midnight").queryParam("start_date", today).queryParam("end_date", today)
                .queryParam("time_zone", "user").get(HITS).then().body("hits", hasSize(1));
        SimulatorApi.alice().queryParam("path", "/midnight").queryParam("start_date", today).queryParam("end_date", today)
                .get(HITS).then().body("hits", hasSize(0));
        SimulatorApi.alice().queryParam("path", "/midnight").queryParam("start_date", yesterday).queryParam("end_date", yesterday)
                .queryParam("time_zone", "utc").get(HITS).then().body("hits", hasSize(1));
    }

    @Test
    void userModeDefaultsEndDateToTodayInTheAccountsZone() {
        SimulatorApi.alice().queryParam("time_zone", "user").get(HITS).then().statusCode(200)
                .body("filters.end_date", equalTo(LocalDate.now(ZoneId.of("Europe/Warsaw")).toString()))
                .body("filters.start_date", equalTo(LocalDate.now(ZoneId.of("Europe/Warsaw")).minusDays(30).toString()));
    }

    @Test
    void malformedStartDateIs400NamingTheParameter() {
        SimulatorApi.alice().queryParam("start_date", "2026-13-45").get(HITS).then().statusCode(400)
                .body("error", containsString("start_date"));
    }

    @Test
    void malformedEndDateIs400NamingTheParameter() {
        SimulatorApi.alice().queryParam("end_date", "14/02/2026").get(HITS).then().statusCode(400)
                .body("error", containsString("end_date"));
    }

    @Test
    void startAfterEndIs400() {
        SimulatorApi.alice().queryParam("start_date", "2026-02-14").queryParam("end_date", "2026-02-13").get(HITS)
                .then().statusCode(400).body("error", containsString("start_date"));
    }

    @Test
    void rangeOver730DaysIs400() {
        SimulatorApi.alice().queryParam("start_date", "2024-01-01").queryParam("end_date", "2026-01-01").get(HITS)
                .then().statusCode(400).body("error", containsString("730"));
    }

    @Test
    void rangeOfExactly730DaysIsAccepted() {
        SimulatorApi.alice().queryParam("start_date", "2024-01-01").queryParam("end_date", "2025-12-31").get(HITS)
                .then().statusCode(200);
    }

    @Test
    void unknownTimeZoneModeIs400() {
        SimulatorApi.alice().queryParam("time_zone", "mars").get(HITS).then().statusCode(400)
                .body("error", containsString("time_zone"));
    }

    @Test
    void countryFilterIsExact() {
        SimulatorApi.alice().queryParam("country", "PL").queryParam("per_page", 1000).get(HITS).then().statusCode(200)
                .body("hits.country", everyItem(equalTo("PL")))
                .body("hits.size()", greaterThan(0))
                .body("filters.country", equalTo("PL"));
    }

    @Test
    void pathFilterIsExact() {
        SimulatorApi.alice().queryParam("path", "/blog").queryParam("per_page", 1000).get(HITS).then().statusCode(200)
                .body("hits.path", everyItem(equalTo("/blog")))
                .body("hits.size()", greaterThan(0))
                .body("filters.path", equalTo("/blog"));
    }

    @Test
    void referrerFilterIsCaseInsensitivePartial() {
        SimulatorApi.alice().queryParam("referrer", "GOOGLE").queryParam("per_page", 1000).get(HITS).then().statusCode(200)
                .body("hits.referrer", everyItem(containsString("google")))
                .body("hits.size()", greaterThan(0))
                .body("filters.referrer", equalTo("GOOGLE"));
    }

    @Test
    void documentedGroupedByPathExampleReturnsViewsAndUniqueViews() {
        SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "path").get(HITS).then().statusCode(200)
                .body("grouped_hits[0].path", matchesPattern("/.*"))
                .body("grouped_hits[0].views", greaterThan(0))
                .body("grouped_hits[0].unique_views", greaterThan(0))
                .body("grouped_hits[0]", not(hasKey("hit_count")))
                .body("filters.grouped", equalTo(true))
                .body("filters.group_by", equalTo("path"))
                .body("pagination.per_page", equalTo(100))
                .body("$", not(hasKey("hits")));
    }

    @Test
    void groupedRowsAreSortedByCountDescending() {
        List<Integer> views = SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "path").get(HITS)
                .then().extract().path("grouped_hits.views");
        assertEquals(views.stream().sorted(Comparator.reverseOrder()).toList(), views);
    }

    @Test
    void groupedByPathOmitsUniqueViewsWhenUniqueTrackingIsOff() {
        SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "path").get(SimulatorApi.BASE + "/sites/457/hits")
                .then().statusCode(200)
                .body("grouped_hits[0].views", greaterThan(0))
                .body("grouped_hits[0]", not(hasKey("unique_views")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"country", "referrer", "browser_name", "platform_name", "source"})
    void groupedByOtherDimensionsReturnsValueAndHitCount(String groupBy) {
        SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", groupBy).get(HITS).then().statusCode(200)
                .body("grouped_hits[0]", hasKey(groupBy))
                .body("grouped_hits[0].hit_count", greaterThan(0))
                .body("grouped_hits[0]", not(hasKey("views")))
                .body("filters.group_by", equalTo(groupBy));
    }

    @Test
    void groupedByReferrerKeepsDirectVisitsAsANullGroup() {
        List<Map<String, Object>> rows = SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "referrer")
                .get(HITS).then().extract().path("grouped_hits");
        assertTrue(rows.stream().anyMatch(r -> r.containsKey("referrer") && r.get("referrer") == null));
    }

    @Test
    void unknownGroupByIs400() {
        SimulatorApi.alice().queryParam("grouped", "true").queryParam("group_by", "os").get(HITS).then().statusCode(400)
                .body("error", containsString("group_by"));
    }

    @Test
    void pageAndPerPageSelectASlice() {
        int total = SimulatorApi.alice().get(HITS).then().extract().path("pagination.total_count");
        SimulatorApi.alice().queryParam("page", 2).queryParam("per_page", 5).get(HITS).then().statusCode(200)
                .body("hits", hasSize(5))
                .body("pagination.current_page", equalTo(2))
                .body("pagination.per_page", equalTo(5))
                .body("pagination.total_count", equalTo(total))
                .body("pagination.total_pages", equalTo((total + 4) / 5));
    }

    @Test
    void perPageOverTheMaximumIsClampedTo1000() {
        SimulatorApi.alice().queryParam("per_page", 5000).get(HITS).then().statusCode(200)
                .body("pagination.per_page", equalTo(1000));
    }

    @Test
    void pageBelowOneAndNonNumericPerPageFallBackToDefaults() {
        SimulatorApi.alice().queryParam("page", 0).queryParam("per_page", "lots").get(HITS).then().statusCode(200)
                .body("pagination.current_page", equalTo(1))
                .body("pagination.per_page", equalTo(100));
    }

    @Test
    void pageBeyondTheLastIsEmpty() {
        SimulatorApi.alice().queryParam("page", 10_000).get(HITS).then().statusCode(200)
                .body("hits", hasSize(0))
                .body("pagination.current_page", equalTo(10_000));
    }

    @Test
    void emptyResultHasNullFreeShape() {
        SimulatorApi.alice().queryParam("country", "ZZ").get(HITS).then().statusCode(200)
                .body("hits", hasSize(0))
                .body("pagination.total_count", equalTo(0))
                .body("filters.path", nullValue());
    }
}
