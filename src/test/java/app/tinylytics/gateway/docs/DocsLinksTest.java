package app.tinylytics.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every pointer into the repository's Markdown leads somewhere: the relative links of the README and of
 * {@code docs/*.md}, and every {@code docs/<name>.md#<section>} that a comment in {@code src/} names, reach a file that
 * exists and, when they name one, a heading that exists (by GitHub's anchor rule).
 */
class DocsLinksTest {

    private static final Path DOCS = Path.of("docs");
    /** A Markdown link to a local Markdown file or to a section of this one: {@code [text](caching.md#read-keys)}. */
    private static final Pattern LINK = Pattern.compile("\\]\\((?!https?:)([^)\\s#]*\\.md)?(?:#([^)\\s]+))?\\)");
    /** A pointer in a source comment: {@code docs/errors.md#argument-rules}. */
    private static final Pattern POINTER = Pattern.compile("docs/([a-z0-9-]+\\.md)(?:#([a-z0-9-]+))?");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#* *$");

    @Test
    void markdownLinksReachAFileAndASectionThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : markdownPages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                if (link.group(1) == null && link.group(2) == null) {
                    continue; // not a Markdown target, e.g. an image or another kind of file
                }
                Path target = link.group(1) == null ? page : page.resolveSibling(link.group(1)).normalize();
                check(page + ": " + link.group(), target, link.group(2), broken);
            }
        }
        assertEquals(List.of(), broken, "broken links in the README and docs/");
    }

    @Test
    void docsPointersInSourcesReachAFileAndASectionThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sourceFiles()) {
            Matcher pointer = POINTER.matcher(Files.readString(file));
            while (pointer.find()) {
                check(file + ": " + pointer.group(), DOCS.resolve(pointer.group(1)), pointer.group(2), broken);
            }
        }
        assertEquals(List.of(), broken, "comments in src/ that point at a missing docs/ file or section");
    }

    private static void check(String where, Path target, String anchor, List<String> broken) throws IOException {
        if (!Files.isRegularFile(target)) {
            broken.add(where + " (no file " + target + ")");
        } else if (anchor != null && !anchors(target).contains(anchor)) {
            broken.add(where + " (no section #" + anchor + " in " + target + ")");
        }
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new TreeSet<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            String unique = slug;
            for (int repeat = 1; !anchors.add(unique); repeat++) {
                unique = slug + "-" + repeat;
            }
        }
        return anchors;
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The text files under {@code src/} that may hold comments (installed Node modules left out). */
    private static List<Path> sourceFiles() throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(Path.of("src"), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                return directory.endsWith("node_modules") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                if (Stream.of(".java", ".js", ".graphql", ".properties", ".md").anyMatch(name::endsWith)) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }
}
