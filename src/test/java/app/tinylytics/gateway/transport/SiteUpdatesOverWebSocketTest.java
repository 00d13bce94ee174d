package app.tinylytics.gateway.transport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import app.tinylytics.gateway.support.Simulator;
import app.tinylytics.testing.MovableClock;

/**
 * siteUpdates over WebSocket as a live dashboard sees it, refreshed every second against the simulator: a subscriber
 * gets a new payload when its own selection changed, and none when only data it did not select changed; each payload
 * says how old its data is.
 */
@QuarkusTest
@TestProfile(LiveUpdatesProfile.class)
class SiteUpdatesOverWebSocketTest {

    private static final String LABEL_ONLY = "subscription { siteUpdates(id: \"456\", everySeconds: 1) { label } }";
    private static final String WITH_HITS = "subscription { siteUpdates(id: \"456\", everySeconds: 1) { label lifetimeHits } }";
    /** Several refreshes of one second each. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    MovableClock clock;

    @BeforeEach
    void freshSimulator() {
        Simulator.reset();
    }

    @Test
    void aSubscriberGetsANewPayloadOnlyWhenItsOwnSelectionChanged() {
        try (GraphQLWebSocket labels = GraphQLWebSocket.connect(graphql).init();
                GraphQLWebSocket hits = GraphQLWebSocket.connect(graphql).init()) {
            labels.subscribe("labels", LABEL_ONLY);
            hits.subscribe("hits", WITH_HITS);
            assertThat(labels.next().at("/payload/data/siteUpdates/label").asText(), equalTo("My Blog"));
            int before = hits.next().at("/payload/data/siteUpdates/lifetimeHits").asInt();

            trackAHit();

            JsonNode changed = hits.next();
            assertThat(changed.path("type").asText(), equalTo("next"));
            assertThat(changed.at("/payload/data/siteUpdates/lifetimeHits").asInt(), equalTo(before + 1));
            assertThat("the label subscriber's selection did not change", labels.poll(QUIET), nullValue());
            assertThat("nothing changed after the hit", hits.poll(Duration.ofSeconds(2)), nullValue());
        }
    }

    @Test
    void everyPayloadSaysWhenTheOldestDataInItWasFetched() {
        try (GraphQLWebSocket hits = GraphQLWebSocket.connect(graphql).init()) {
            hits.subscribe("hits", WITH_HITS);
            JsonNode first = hits.next();
            Instant firstFetched = fetchedAt(first);
            Instant received = clock.instant();
            assertThat(firstFetched, lessThanOrEqualTo(received));
            assertThat("fresh: a site read stays fresh one second here", Duration.between(firstFetched, received),
                    lessThan(Duration.ofSeconds(5)));

            Instant written = clock.instant();
            trackAHit();

            JsonNode changed = hits.next();
            assertThat("the data showing the hit was fetched after it", fetchedAt(changed), greaterThanOrEqualTo(written));
        }
    }

    @Test
    void aSubscriptionCompletedByTheClientSendsNothingMore() {
        try (GraphQLWebSocket client = GraphQLWebSocket.connect(graphql).init()) {
            client.subscribe("hits", WITH_HITS);
            client.next();

            client.complete("hits");
            trackAHit();

            assertThat(client.poll(QUIET), nullValue());
        }
    }

    private static Instant fetchedAt(JsonNode next) {
        JsonNode oldest = next.at("/payload/extensions/cache/oldestFetchedAt");
        assertThat("extensions.cache.oldestFetchedAt of " + next, oldest.isTextual(), equalTo(true));
        return Instant.parse(oldest.asText());
    }

    private static void trackAHit() {
        given().contentType("application/json")
                .body(Map.of("query", "mutation { trackHit(siteId: \"456\", hit: {path: \"/live\"}) { status } }"))
                .post("/graphql").then().statusCode(200).body("data.trackHit.status", equalTo("CREATED"));
    }
}
