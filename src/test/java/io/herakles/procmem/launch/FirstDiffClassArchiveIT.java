package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.HeraklesLauncher;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn package} writes the class archive of {@code diff} into the user's cache (pom.xml,
 * {@code class-archive-for-first-diff}), so the first {@code diff} a user runs after building, as
 * the README runs it ({@code java -jar target/herakles-proc-mem.jar diff A B} from the repository),
 * maps it instead of loading every class from the jar and leaving the archive to a background copy.
 * The proof is the launcher's own: it touches an archive it maps, and starts a copy that writes
 * one (with a claim file beside it) only when there is none. Runs in the build's environment, the
 * one that wrote the archive; the user's cache is only read and touched.
 */
class FirstDiffClassArchiveIT {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @Test
    void theFirstDiffAfterPackageMapsTheArchiveTheBuildWrote() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("herakles.cds.skip"), "built with -Dherakles.cds.skip");
        Assumptions.assumeFalse(RelaunchPlan.switchedOff(System.getenv(RelaunchPlan.OFF_SWITCH))
                || RelaunchPlan.switchedOff(System.getenv(ClassArchive.OFF_SWITCH)), "re-execution or archives are switched off");
        Assumptions.assumeTrue(javaOnPath(), "no java on PATH: the build's step and the README's command both run it");
        Path jar = HeraklesLauncher.jar();
        Path project = jar.getParent().getParent();
        Path cache = ClassArchive.cacheDirectory(System.getenv(), Map.of("user.home", System.getProperty("user.home")))
                .orElseThrow();
        Assumptions.assumeTrue(writable(cache), "no writable cache directory for the build to write into: " + cache);

        List<Path> built = diffArchives(cache);
        assertThat(built).as("class archives of diff in " + cache + " after mvn package (see "
                + jar.resolveSibling("class-archive-training.log") + ")").isNotEmpty();
        for (Path archive : built) {
            Files.setLastModifiedTime(archive, LONG_AGO);     // so that the run's touch shows
        }

        Process diff = new ProcessBuilder("java", "-jar", project.relativize(jar).toString(), "diff",
                "src/test/resources/snapshots/desktop-33.json", "src/test/resources/snapshots/upstream-example.json")
                .directory(project.toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(diff.waitFor(HeraklesLauncher.RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(diff.exitValue()).isZero();

        assertThat(claims(cache)).as("no background copy started to write an archive").isEmpty();
        assertThat(diffArchives(cache)).as("no archive written by the run").containsExactlyInAnyOrderElementsOf(built);
        assertThat(built).as("an archive the build wrote, mapped (touched) by the run")
                .anySatisfy(archive -> assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(LONG_AGO));
    }

    private static boolean javaOnPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "java"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the build could have written there (a home directory that is not the user's: no archive). */
    private static boolean writable(Path cache) {
        try {
            return Files.isWritable(Files.createDirectories(cache));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static List<Path> diffArchives(Path cache) throws IOException {
        return files(cache, "diff-*.jsa");
    }

    private static List<Path> claims(Path cache) throws IOException {
        return files(cache, "diff-*.training");
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
                files.forEach(found::add);
            }
        }
        return found;
    }
}
