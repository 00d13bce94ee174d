package app.tinylytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the simulator apart from the gateway by reading both source trees: no simple type name in both main
 * trees, and no reference (import, static import, qualified name, class-name string) from either side to the other.
 */
class SimulatorSeparationTest {

    private static final Path MAIN = Path.of("src", "main", "java", "app", "tinylytics");
    private static final Path TEST = Path.of("src", "test", "java", "app", "tinylytics");
    private static final String GATEWAY = "gateway";
    private static final String SIMULATOR = "simulator";
    private static final Pattern DECLARATION = Pattern.compile("(?<![\\w.])@?(?:class|interface|enum|record)\\s+([A-Z]\\w*)");

    @Test
    void noSimpleTypeNameIsDeclaredByBothGatewayAndSimulator() {
        Set<String> gateway = declaredTypes(MAIN.resolve(GATEWAY));
        Set<String> simulator = declaredTypes(MAIN.resolve(SIMULATOR));
        assertTrue(gateway.contains("SitesApi") && simulator.contains("SimulatorStore"), "both source trees must be found");

        Set<String> shared = new TreeSet<>(gateway);
        shared.retainAll(simulator);
        assertEquals(Set.of(), shared, "type names declared in both app.tinylytics.gateway and app.tinylytics.simulator");
    }

    @Test
    void simulatorCodeNeverRefersToTheGateway() {
        assertEquals(List.of(), filesReferring(List.of(MAIN.resolve(SIMULATOR), TEST.resolve(SIMULATOR)),
                "app.tinylytics." + GATEWAY));
    }

    @Test
    void gatewayCodeNeverRefersToTheSimulator() {
        assertEquals(List.of(), filesReferring(List.of(MAIN.resolve(GATEWAY), TEST.resolve(GATEWAY)),
                "app.tinylytics." + SIMULATOR));
    }

    @Test
    void theScanSeesDeclarationsAndReferencesInCodeButNotInComments() {
        String source = """
                package x;
                import app.tinylytics.gateway.sites.Site;
                /** A class Comment about record Ghost and app.tinylytics.gateway. */
                public record Hit(long id) {
                    // class Nope
                    private enum Kind { A }
                    @interface Marker { }
                    String text = "class Quoted";
                    Class<?> type = Hit.class;
                }
                """;
        assertEquals(Set.of("Hit", "Kind", "Marker"), declaredTypes(source));
        assertTrue(refersTo(source, "app.tinylytics.gateway"), "an import is a reference");
        assertTrue(refersTo("class A { Object o = app.tinylytics.gateway.X.of(); }", "app.tinylytics.gateway"),
                "a qualified name is a reference");
        assertTrue(refersTo("class A { { Class.forName(\"app.tinylytics.gateway.X\"); } }", "app.tinylytics.gateway"),
                "a class name in a string is a reference");
        assertFalse(refersTo("/** See app.tinylytics.gateway. */ class A { }", "app.tinylytics.gateway"),
                "a comment is not a reference");
    }

    private static Set<String> declaredTypes(Path tree) {
        Set<String> names = new TreeSet<>();
        javaFiles(tree).forEach(file -> names.addAll(declaredTypes(read(file))));
        return names;
    }

    private static Set<String> declaredTypes(String source) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = DECLARATION.matcher(JavaText.withoutCommentsAndStrings(source));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> filesReferring(List<Path> trees, String packagePrefix) {
        return trees.stream().flatMap(SimulatorSeparationTest::javaFiles)
                .filter(file -> refersTo(read(file), packagePrefix))
                .map(Path::toString)
                .sorted()
                .toList();
    }

    private static boolean refersTo(String source, String packagePrefix) {
        return JavaText.withoutComments(source).contains(packagePrefix);
    }

    private static Stream<Path> javaFiles(Path tree) {
        if (!Files.isDirectory(tree)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strips comments, and optionally string and char literals, from Java source. */
    private static final class JavaText {

        static String withoutComments(String source) {
            return strip(source, false);
        }

        static String withoutCommentsAndStrings(String source) {
            return strip(source, true);
        }

        private static String strip(String source, boolean dropLiterals) {
            StringBuilder out = new StringBuilder(source.length());
            int i = 0;
            while (i < source.length()) {
                if (source.startsWith("//", i)) {
                    i = indexOrEnd(source, "\n", i);
                } else if (source.startsWith("/*", i)) {
                    i = indexOrEnd(source, "*/", i + 2) + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = Math.min(source.length(), indexOrEnd(source, "\"\"\"", i + 3) + 3);
                    out.append(dropLiterals ? " " : source.substring(i, end));
                    i = end;
                } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                    int end = literalEnd(source, i);
                    out.append(dropLiterals ? " " : source.substring(i, end));
                    i = end;
                } else {
                    out.append(source.charAt(i++));
                }
            }
            return out.toString();
        }

        private static int literalEnd(String source, int start) {
            char quote = source.charAt(start);
            int i = start + 1;
            while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(source.length(), i + 1);
        }

        private static int indexOrEnd(String source, String token, int from) {
            int index = source.indexOf(token, from);
            return index < 0 ? source.length() : index;
        }
    }
}
