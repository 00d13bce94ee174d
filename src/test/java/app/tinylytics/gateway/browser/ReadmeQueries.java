package app.tinylytics.gateway.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GraphQL examples of the project's README, read from the README itself so that what the suite pastes into
 * GraphiQL is exactly what a reader would copy.
 */
final class ReadmeQueries {

    private static final Path README = Path.of("README.md");
    /** A fenced {@code graphql} block of the README. */
    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    private ReadmeQueries() {
    }

    /** The README's {@code query <name> { … }} example. */
    static String query(String name) {
        return block("query " + name + " {");
    }

    /** The README line (from its "Writes" examples) that starts with {@code mutation { <field>(}. */
    static String mutation(String field) {
        String opening = "mutation { " + field + "(";
        for (String line : block(opening).split("\n\n")) {
            if (line.startsWith(opening)) {
                return line.strip() + "\n";
            }
        }
        throw new AssertionError("README has no example starting with '" + opening + "'");
    }

    private static String block(String opening) {
        Matcher blocks = GRAPHQL_BLOCK.matcher(readme());
        while (blocks.find()) {
            String block = blocks.group(1);
            if (block.startsWith(opening) || block.contains("\n" + opening)) {
                return block;
            }
        }
        throw new AssertionError("README has no ```graphql block with '" + opening + "'");
    }

    private static String readme() {
        try {
            return Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException("The suite runs from the project directory, next to README.md", e);
        }
    }
}
