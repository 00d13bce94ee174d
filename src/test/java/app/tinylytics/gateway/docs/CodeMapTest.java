package app.tinylytics.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's "Code map" lists exactly the packages there are: one entry per directory of
 * {@code src/main/java/app/tinylytics} that holds Java sources, and no entry for a directory that does not.
 */
class CodeMapTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "app", "tinylytics");
    private static final Path README = Path.of("README.md");
    /** A list item naming a package directory: {@code - `gateway/upstream/cache/` — ...}. */
    private static final Pattern ENTRY = Pattern.compile("^- `([a-z0-9_/]+)/`", Pattern.MULTILINE);

    @Test
    void theCodeMapListsEveryPackageDirectoryAndNothingElse() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher entry = ENTRY.matcher(codeMap());
        while (entry.find()) {
            listed.add(entry.group(1));
        }
        assertFalse(listed.isEmpty(), "the Code map lists no package");
        assertEquals(packageDirectories(), listed, "README.md's Code map against " + SOURCES);
    }

    /** The "## Code map" section of the README, up to the next section. */
    static String codeMap() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Code map\n");
        if (start < 0) {
            throw new AssertionError("README.md has no '## Code map' section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static Set<String> packageDirectories() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> SOURCES.relativize(file.getParent()).toString().replace('\\', '/'))
                    .filter(directory -> !directory.isEmpty())
                    .forEach(packages::add);
        }
        return packages;
    }
}
