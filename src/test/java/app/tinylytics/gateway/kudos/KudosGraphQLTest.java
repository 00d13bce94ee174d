package app.tinylytics.gateway.kudos;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.tinylytics.gateway.support.GraphQL;
import app.tinylytics.gateway.support.Simulator;

/** {@code Site.kudos} against the embedded simulator's demo data. */
@QuarkusTest
class KudosGraphQLTest {

    @BeforeEach
    void reseed() {
        Simulator.reset();
    }

    @Test
    void blogKudosHaveUidsPathsAndTimes() {
        GraphQL.document("kudos").variable("id", "456").post()
                .body("errors", nullValue())
                .body("data.site.kudos.nodes", not(empty()))
                .body("data.site.kudos.nodes.id", everyItem(notNullValue()))
                .body("data.site.kudos.nodes.uid", everyItem(notNullValue()))
                .body("data.site.kudos.nodes.path", everyItem(matchesPattern("/.*")))
                .body("data.site.kudos.nodes.createdAt", everyItem(notNullValue()))
                .body("data.site.kudos.pageInfo.page", equalTo(1));
    }

    @Test
    void uidFilterFindsExactlyThatKudo() {
        String start = LocalDate.now(ZoneOffset.UTC).minusDays(120).toString();
        String uid = GraphQL.document("kudos").variable("id", "456").variable("start", start).post()
                .extract().path("data.site.kudos.nodes[0].uid");

        GraphQL.document("kudos").variable("id", "456").variable("start", start).variable("uid", uid).post()
                .body("errors", nullValue())
                .body("data.site.kudos.nodes.uid", everyItem(equalTo(uid)))
                .body("data.site.kudos.pageInfo.totalCount", equalTo(1));
    }
}
