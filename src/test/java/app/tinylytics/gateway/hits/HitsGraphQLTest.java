package app.tinylytics.gateway.hits;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.empty;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** {@code Site.hits} and {@code Site.hitGroups} against the embedded simulator's demo data. */
@QuarkusTest
class HitsGraphQLTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogHitsOfTheLastThirtyDaysHaveCountriesAndPaths() {
        GraphQL.document("hits").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.hits.nodes", hasSize(100))
                .body("data.site.hits.nodes.country", everyItem(matchesPattern("[A-Z]{2}")))
                .body("data.site.hits.nodes.path", everyItem(matchesPattern("/.*")))
                .body("data.site.hits.nodes.createdAt", everyItem(notNullValue()))
                .body("data.site.hits.pageInfo.perPage", equalTo(100))
                .body("data.site.hits.pageInfo.totalCount", greaterThan(300))
                .body("data.site.hits.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void countryFilterReturnsOnlyThatCountry() {
        GraphQL.document("hits").variable("id", "456").variable("country", "DE").variable("perPage", 1000).post()
                .body("errors", nullValue())
                .body("data.site.hits.nodes", not(empty()))
                .body("data.site.hits.nodes.country", everyItem(equalTo("DE")));
    }

    @ParameterizedTest
    @EnumSource(HitGroupBy.class)
    void hitGroupsWorkForEveryGrouping(HitGroupBy groupBy) {
        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", groupBy.name()).post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.groupBy", equalTo(groupBy.name()))
                .body("data.site.hitGroups.nodes", not(empty()))
                .body("data.site.hitGroups.nodes.count", everyItem(greaterThan(0)));
    }

    @Test
    void pathGroupsHaveUniqueCountsWhereUniqueTrackingIsOn() {
        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "PATH").post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.nodes.key", everyItem(matchesPattern("/.*")))
                .body("data.site.hitGroups.nodes.uniqueCount", everyItem(greaterThan(0)));
    }

    @Test
    void pathGroupsHaveNoUniqueCountsWhereUniqueTrackingIsOff() {
        GraphQL.document("hits-grouped").variable("id", "457").variable("groupBy", "PATH").post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.nodes", not(empty()))
                .body("data.site.hitGroups.nodes.uniqueCount", everyItem(nullValue()));
    }

    @Test
    void countryGroupsCountHitsWithoutUniqueCounts() {
        GraphQL.document("hits-grouped").variable("id", "456").variable("groupBy", "COUNTRY").post()
                .body("errors", nullValue())
                .body("data.site.hitGroups.nodes.key", everyItem(matchesPattern("[A-Z]{2}")))
                .body("data.site.hitGroups.nodes.uniqueCount", everyItem(nullValue()));
    }
}
