package app.tinylytics.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/** Depth and complexity as graphql-java's instrumentations count them, measured from the document in linear time. */
class OperationSizeTest {

    private static OperationSize size(String query) {
        Document document = Parser.parse(query);
        return OperationSize.of(document, document.getDefinitionsOfType(OperationDefinition.class).get(0));
    }

    @Test
    void depthIsLevelsOfFieldsAndComplexityOnePerField() {
        assertEquals(new OperationSize(4, 5), size("{ site(id: 1) { label hits { nodes { id } } } }"));
    }

    @Test
    void fragmentsCountAtEverySpreadAndAtTheirPlace() {
        assertEquals(new OperationSize(2, 6),
                size("{ a: site(id: 1) { ...F } b: site(id: 2) { ... on Site { ...F } } } fragment F on Site { id label }"));
    }

    @Test
    void graphiqlsIntrospectionQueryMeasuresAsGraphqlJavaCountsIt() {
        OperationSize size = size(IntrospectionQuery.INTROSPECTION_QUERY);

        assertEquals(13, size.depth());
        assertEquals(true, size.complexity() < 500, "complexity " + size.complexity());
    }

    @Test
    void aFragmentBombOfSixtyLevelsSaturatesInsteadOfRunningForever() {
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 70; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }");
        }
        document.append(" fragment F70 on Query { me { id } }");

        assertEquals(new OperationSize(2, Long.MAX_VALUE), size(document.toString()));
    }
}
