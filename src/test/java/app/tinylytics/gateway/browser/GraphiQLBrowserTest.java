package app.tinylytics.gateway.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import app.tinylytics.gateway.support.BrowserExtension;
import app.tinylytics.gateway.support.Simulator;

/**
 * GraphiQL at {@code /q/graphql-ui} in a real Chromium, used as someone exploring the gateway uses it: the README's
 * queries pasted and run with the Run button, a key typed into the Headers pane, the docs explorer browsed.
 */
@QuarkusTest
@TestProfile(GraphiQLProfile.class)
class GraphiQLBrowserTest {

    /** Set to a path (e.g. {@code -Dgraphiql.screenshot=docs/graphiql.png}) to save the README's screenshot. */
    private static final String SCREENSHOT_PROPERTY = "graphiql.screenshot";

    @RegisterExtension
    static final BrowserExtension chromium = new BrowserExtension();

    private GraphiQLPage graphiql;

    @BeforeEach
    void openGraphiql() {
        Simulator.reset();
        graphiql = GraphiQLPage.open(chromium.browser(), RestAssured.baseURI + ":" + RestAssured.port);
    }

    @Test
    void graphiqlLoadsAndFetchesTheSchema() {
        assertThat(graphiql.title(), containsString("SmallRye GraphQL"));
        // The root types only show once GraphiQL's introspection request has been answered.
        assertThat(graphiql.browseDocs("Query").docsFieldNames(), hasItems("sites", "site", "me", "rateLimit"));
    }

    @Test
    void docsExplorerListsEveryFieldOfSite() throws IOException {
        List<String> shown = graphiql.browseDocs("Query", "Site").docsFieldNames();

        assertThat(shown, containsInAnyOrder(siteFieldsOfTheSchema().toArray()));
    }

    @Test
    void readmeDashboardQueryShowsEverySite() {
        JsonNode result = graphiql.pasteQuery(ReadmeQueries.query("Dashboard")).run();

        assertNoErrors(result);
        assertThat(texts(result.at("/data/sites"), "label"), containsInAnyOrder("My Blog", "Docs", "Shop"));
        JsonNode blog = result.at("/data/sites/0");
        assertThat(blog.at("/topPaths/nodes").size(), greaterThan(0));
        assertThat(texts(blog.at("/topPaths/nodes"), "key"), everyItem(matchesPattern("/.*")));
        assertThat(blog.at("/leaderboard/entries").size(), greaterThan(0));
        assertThat(result.at("/data/rateLimit/remaining").asInt(), greaterThan(0));
        assertThat(graphiql.visibleResult(), containsString("\"My Blog\""));
        saveReadmeScreenshotIfAsked();
    }

    @Test
    void readmeAudienceQueryShowsWhereVisitorsComeFrom() {
        JsonNode result = graphiql.pasteQuery(ReadmeQueries.query("Audience")).run();

        assertNoErrors(result);
        JsonNode site = result.at("/data/site");
        assertThat(site.at("/label").asText(), equalTo("My Blog"));
        // The README's fixed date range may lie outside the seeded data one day: its rows are checked, not their number.
        assertThat(texts(site.at("/countries/nodes"), "key"), everyItem(matchesPattern("[A-Z]{2}")));
        assertThat(texts(site.at("/referrers/nodes"), "key"), not(empty()));
        assertThat(site.at("/journeys/summary/totalVisitors").asInt(), greaterThan(0));
        assertThat(graphiql.visibleResult(), containsString("\"My Blog\""));
    }

    @Test
    void readmeHealthQueryShowsInsightsUptimeAndContent() {
        JsonNode result = graphiql.pasteQuery(ReadmeQueries.query("Health")).run();

        assertNoErrors(result);
        JsonNode site = result.at("/data/site");
        assertThat(site.at("/insights/nodes").size(), equalTo(1));
        assertThat(site.at("/insights/nodes/0/summary").asText(), not(emptyString()));
        assertThat(site.at("/insights/settings/insightsEnabled").asBoolean(), equalTo(true));
        assertThat(texts(site.at("/signals/nodes"), "title"), not(empty()));
        assertThat(texts(site.at("/signals/nodes"), "title"), everyItem(matchesPattern("Newsletter #\\d+ sent")));
        assertThat(site.at("/uptime/monitor/uptimePercent").asDouble(), greaterThan(0.0));
        assertThat(site.at("/content/enabled").asBoolean(), equalTo(true));
        assertThat(site.at("/content/brokenLinks").size(), equalTo(site.at("/content/stats/brokenLinksCount").asInt()));
    }

    @Test
    void mutationWithAFullAccessKeyInTheHeadersPaneIsCreated() {
        JsonNode result = graphiql.pasteQuery(ReadmeQueries.mutation("giveKudo"))
                .typeHeaders("{\"Authorization\": \"Bearer tly-fa-demo-alice-full\"}")
                .run();

        assertNoErrors(result);
        assertThat(result.at("/data/giveKudo/status").asText(), equalTo("CREATED"));
        assertThat(result.at("/data/giveKudo/kudo/uid").asText(), equalTo("pricing-kudo-1"));
        assertThat(result.at("/data/giveKudo/kudo/path").asText(), equalTo("/pricing"));
        assertThat(graphiql.visibleResult(), containsString("\"CREATED\""));
    }

    @Test
    void theHeadersPaneKeyIsTheOneUsed() {
        // The server's own write key would succeed: FORBIDDEN shows the typed read-only key went upstream instead.
        JsonNode result = graphiql.pasteQuery(ReadmeQueries.mutation("giveKudo"))
                .typeHeaders("{\"Authorization\": \"Bearer tly-ro-demo-alice-read\"}")
                .run();

        assertThat(result.at("/errors/0/extensions/code").asText(), equalTo("FORBIDDEN"));
    }

    // Subscription.siteUpdates's test goes here: GraphiQL sends a subscription over graphql-transport-ws to
    // ws://<host>/graphql, with the Headers pane as the connection_init payload (not as HTTP headers), and shows each
    // payload in the result pane in turn: paste it, run(), then graphiql.awaitResult(...) for the next payload.

    private static void assertNoErrors(JsonNode result) {
        assertTrue(result.path("errors").isMissingNode(), () -> "GraphiQL shows errors: " + result.path("errors"));
        assertTrue(result.path("data").isObject(), () -> "GraphiQL shows no data: " + result);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path(field).asText()).toList();
    }

    /** Site's fields as the checked-in schema snapshot lists them ({@code SchemaSnapshotTest} keeps it current). */
    private static List<String> siteFieldsOfTheSchema() throws IOException {
        ObjectTypeDefinition site = new SchemaParser().parse(Path.of("docs", "schema.graphql").toFile())
                .getType("Site", ObjectTypeDefinition.class).orElseThrow();
        return site.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
    }

    private void saveReadmeScreenshotIfAsked() {
        String target = System.getProperty(SCREENSHOT_PROPERTY);
        if (target != null && !target.isBlank()) {
            chromium.browser().screenshot(Path.of(target));
        }
    }
}
