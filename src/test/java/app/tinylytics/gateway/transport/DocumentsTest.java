package app.tinylytics.gateway.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;

/**
 * The shared document cache answers graphql-java from what the transport's checks parsed, except on a document's
 * first execution, when graphql-java's own parse and validation runs once so that SmallRye's cache (which it reads
 * for every request) learns the document too; after that, neither parses it again.
 */
@QuarkusTest
class DocumentsTest {

    @Inject
    Documents documents;

    @Test
    void graphqlJavaParsesADocumentOnceAtItsFirstExecutionAndNeverAgain() throws Exception {
        String query = "query Once" + UUID.randomUUID().toString().replace("-", "") + " { __typename }";
        PreparsedDocumentEntry checked = documents.entry(query); // the transport's check comes first
        AtomicInteger parsedByGraphQLJava = new AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
            parsedByGraphQLJava.incrementAndGet();
            return checked;
        };
        ExecutionInput input = ExecutionInput.newExecutionInput(query).build();

        documents.getDocumentAsync(input, parseAndValidate).get();
        PreparsedDocumentEntry second = documents.getDocumentAsync(input, parseAndValidate).get();
        PreparsedDocumentEntry third = documents.getDocumentAsync(input, parseAndValidate).get();

        assertEquals(1, parsedByGraphQLJava.get(), "graphql-java parses only the first execution");
        assertSame(checked, second);
        assertSame(checked, third);
        assertTrue(!checked.hasErrors(), checked.getErrors().toString());
    }
}
