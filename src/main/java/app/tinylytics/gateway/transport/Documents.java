package app.tinylytics.gateway.transport;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;

/**
 * The one cache of parsed and validated GraphQL documents, used both by the transports (to check a request before
 * anything runs) and by graphql-java itself when SmallRye executes it ({@link DocumentCacheInstaller}), so no
 * document is parsed twice. Bounded in
 * characters; invalid documents are cached too, so resending one costs nothing.
 * <p>
 * SmallRye keeps a cache of its own, which it reads before every execution to learn the operation's type and fills
 * only when graphql-java validates a document. Since this cache answers graphql-java instead, the first execution of
 * each document lets graphql-java parse and validate it once more, so that SmallRye's cache learns it too; without
 * that, SmallRye parsed every request's document again (a third of a small operation's CPU).
 */
@ApplicationScoped
public class Documents implements PreparsedDocumentProvider {

    /** Characters of documents kept: a few thousand typical operations. */
    private static final long MAX_CHARACTERS = 8 * 1024 * 1024;

    private final Instance<GraphQLSchema> schemas;
    private final Cache<String, Cached> entries = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((String query, Cached cached) -> query.length())
            .build();
    private volatile GraphQLSchema schema;

    Documents(Instance<GraphQLSchema> schemas) {
        this.schemas = schemas;
    }

    /**
     * The document parsed and validated against the served schema, argument literals included ({@link LiteralTypes});
     * its errors are syntax or validation errors.
     */
    public PreparsedDocumentEntry entry(String query) {
        return cached(query).entry();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Cached cached = cached(input.getQuery());
        if (!cached.executed) {
            cached.executed = true;
            return CompletableFuture.completedFuture(parseAndValidate.apply(input)); // SmallRye's cache learns it
        }
        return CompletableFuture.completedFuture(cached.entry());
    }

    private Cached cached(String query) {
        return entries.get(query, known -> new Cached(parseAndValidate(known)));
    }

    private PreparsedDocumentEntry parseAndValidate(String query) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema(),
                ExecutionInput.newExecutionInput(query).build());
        if (result.getSyntaxException() != null) {
            return new PreparsedDocumentEntry(result.getSyntaxException().toInvalidSyntaxError());
        }
        if (!result.getValidationErrors().isEmpty()) {
            return new PreparsedDocumentEntry(result.getDocument(), result.getValidationErrors());
        }
        return new PreparsedDocumentEntry(result.getDocument(), LiteralTypes.check(schema(), result.getDocument()));
    }

    private GraphQLSchema schema() {
        GraphQLSchema known = schema;
        if (known == null) {
            known = schemas.get();
            schema = known;
        }
        return known;
    }

    /** A document's entry, and whether graphql-java has executed it yet (see the class comment). */
    private static final class Cached {

        private final PreparsedDocumentEntry entry;
        private volatile boolean executed;

        Cached(PreparsedDocumentEntry entry) {
            this.entry = entry;
        }

        PreparsedDocumentEntry entry() {
            return entry;
        }
    }
}
