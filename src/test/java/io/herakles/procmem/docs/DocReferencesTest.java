package io.herakles.procmem.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything a reader of this clone is sent to exists in the clone: relative markdown links and
 * {@code docs/X.md#anchor} citations in README.md, docs/*.md and the sources (src/main, src/test)
 * resolve (file and heading),
 * and nothing points at documents that live outside the repository. Failures name file:line.
 */
class DocReferencesTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    /** Words that send the reader to documents a clone does not have. */
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared|\u00a7|DESIGN\\.md|upstream" + " bug \\d");
    /** A markdown link or image: {@code [text](target)}. */
    private static final Pattern MD_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    /** A citation of a doc anywhere: {@code docs/UPSTREAM.md#u1-...}. */
    private static final Pattern DOC_CITATION = Pattern.compile("(?<![\\w./-])docs/([\\w.-]+\\.md)(#[\\w-]+)?");

    @Test
    void noReferenceLeavesTheClone() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE.matcher(lines.get(i));
                if (m.find()) {
                    problems.add(where(file, i) + ": refers outside the repository (\"" + m.group() + "\")");
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyLinkAndDocCitationResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : scannedFiles()) {
            List<String> lines = lines(file);
            boolean markdown = file.toString().endsWith(".md");
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (markdown && line.strip().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                String at = where(file, i);
                if (markdown && !inFence) {
                    Matcher link = MD_LINK.matcher(line);
                    while (link.find()) {
                        check(file, link.group(1), file.getParent()).ifPresent(p -> problems.add(at + p));
                    }
                }
                Matcher citation = DOC_CITATION.matcher(line);
                while (citation.find()) {
                    String target = "docs/" + citation.group(1) + (citation.group(2) == null ? "" : citation.group(2));
                    check(file, target, ROOT).ifPresent(p -> problems.add(at + p));
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void theCheckerFindsBrokenTargets() throws IOException {
        Path readme = ROOT.resolve("README.md");
        assertThat(check(readme, "docs/NO_SUCH_FILE.md", ROOT)).isPresent();
        assertThat(check(readme, "docs/ARCHITECTURE.md#no-such-heading", ROOT)).isPresent();
        assertThat(check(readme, "docs/ARCHITECTURE.md", ROOT)).isEmpty();
        assertThat(check(readme, "https://example.org/x.md", ROOT)).isEmpty();
        assertThat(slug("U1 No `uptime_in_seconds` label, ever!")).isEqualTo("u1-no-uptime_in_seconds-label-ever");
        assertThat(OUTSIDE.matcher("see \u00a7" + "3").find()).isTrue();
    }

    /** A problem message for a target that does not resolve, or empty when it does (or is not local). */
    private static java.util.Optional<String> check(Path from, String target, Path base) throws IOException {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("//")) {
            return java.util.Optional.empty();
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = pathPart.isEmpty() ? from : base.resolve(pathPart).normalize();
        if (!resolved.startsWith(ROOT)) {
            return java.util.Optional.of(": link leaves the repository: " + target);
        }
        if (!Files.exists(resolved)) {
            return java.util.Optional.of(": no such file: " + target);
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
            return java.util.Optional.of(": no heading for anchor #" + anchor + " in " + ROOT.relativize(resolved));
        }
        return java.util.Optional.empty();
    }

    /** GitHub's heading anchors of a markdown file (duplicates get -1, -2, ...). */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean inFence = false;
        for (String line : lines(markdown)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.matches("^#{1,6} .*")) {
                String base = slug(line.replaceFirst("^#+ ", ""));
                String anchor = base;
                for (int n = 1; !anchors.add(anchor); n++) {
                    anchor = base + "-" + n;
                }
            }
        }
        return anchors;
    }

    /** GitHub's slug: lower case, punctuation except '-' and '_' dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .replace(' ', '-');
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        for (String tree : new String[] {"src/main", "src/test"}) {
            try (Stream<Path> sources = Files.walk(ROOT.resolve(tree))) {
                sources.filter(Files::isRegularFile).filter(DocReferencesTest::isText)
                        .filter(p -> !p.getFileName().toString().equals("DocReferencesTest.java")) // its own examples
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Stream.of(".java", ".md", ".toml", ".css", ".properties", ".txt", ".yaml", ".yml", ".json", ".html")
                .anyMatch(name::endsWith);
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return List.of();
        }
    }

    private static String where(Path file, int index) {
        return ROOT.relativize(file) + ":" + (index + 1);
    }
}
