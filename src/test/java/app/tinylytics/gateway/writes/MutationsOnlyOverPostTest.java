package app.tinylytics.gateway.writes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MutationsOnlyOverPostTest {

    @Test
    void aMutationIsRecognised() {
        assertTrue(MutationsOnlyOverPost.containsMutation("mutation { deleteKudo(siteId: \"1\", uid: \"k\") { deleted } }"));
    }

    @Test
    void aMutationBesideAQueryIsRecognised() {
        assertTrue(MutationsOnlyOverPost.containsMutation("query A { me { id } } mutation B { deleteKudo(siteId: \"1\", uid: \"k\") { deleted } }"));
    }

    @Test
    void queriesAndShorthandQueriesPass() {
        assertFalse(MutationsOnlyOverPost.containsMutation("{ me { id } }"));
        assertFalse(MutationsOnlyOverPost.containsMutation("query Q { sites { id } }"));
    }

    @Test
    void unparseableTextIsLeftToSmallRye() {
        assertFalse(MutationsOnlyOverPost.containsMutation("mutation {"));
    }
}
