package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** The upstream calls, site fields and rows an operation plans, counted from its document and variables. */
class OperationPlanTest {

    private static OperationPlan plan(String query) {
        Document document = Parser.parse(query);
        return OperationPlan.of(document, document.getDefinitionsOfType(OperationDefinition.class).get(0));
    }

    @Test
    void theSiteValuesAreTheSiteRecordsComponentsUnderTheirGraphQLNames() {
        assertEquals(Set.of("id", "uid", "url", "label", "lifetimeHits", "lifetimeUniqueHits", "lifetimeKudos", "active",
                "public", "createdAt", "updatedAt"), OperationPlan.SITE_VALUES);
    }

    @Test
    void aSiteWithOnlyItsValuesCostsOneCall() {
        assertEquals(new OperationPlan(1, 1, 0), plan("{ site(id: \"1\") { id label public __typename } }"));
    }

    @Test
    void everyOtherSiteFieldCostsACallAndAliasesCountTwice() {
        assertEquals(new OperationPlan(4, 1, 0),
                plan("{ site(id: \"1\") { label hits { nodes { id } } a: kudos { nodes { id } } b: kudos { nodes { id } } } }"));
    }

    @Test
    void fieldsUnderSitesCountOnceWhateverTheNumberOfSites() {
        assertEquals(new OperationPlan(3, 0, 0), plan("{ sites { id leaderboard { entries { path } } content { enabled } } }"));
    }

    @Test
    void fragmentsAreExpandedAndIntrospectionIsFree() {
        OperationPlan plan = plan("""
                query { __schema { types { name } } one: site(id: "1") { ...panels } two: site(id: "2") { ... on Site { uptime { period } } } }
                fragment panels on Site { insights { nodes { id } } signals { nodes { id } } }""");

        assertEquals(new OperationPlan(5, 2, 0), plan);
    }

    @Test
    void aFragmentThatSpreadsItselfEnds() {
        OperationPlan plan = plan("{ site(id: \"1\") { ...loop } } fragment loop on Site { hits { nodes { id } } ...loop }");

        assertTrue(plan.upstreamCalls() >= 2);
    }

    @Test
    void rowsAreThePageSizesOfPagedFieldsGivenLiterallyAsVariablesOrByDefault() {
        Document document = Parser.parse("""
                query($n: Int, $absent: Int) { site(id: "1") { label a: hits(perPage: 1000) { nodes { id } }
                  b: hits(perPage: $n) { nodes { id } } c: kudos { nodes { id } } d: kudos(perPage: $absent) { nodes { id } }
                  content { enabled } } }""");

        OperationPlan plan = OperationPlan.of(document, document.getDefinitionsOfType(OperationDefinition.class).get(0),
                java.util.Map.of("n", 250), Set.of("hits", "kudos"));

        assertEquals(1000 + 250 + OperationPlan.DEFAULT_PAGE_SIZE + OperationPlan.DEFAULT_PAGE_SIZE, plan.rows());
        assertEquals(6, plan.upstreamCalls());
    }

    @Test
    void aLiveSiteCountsLikeASite() {
        assertEquals(new OperationPlan(2, 1, 0), plan("subscription { siteUpdates(id: \"1\") { label hits { nodes { id } } } }"));
    }
}
