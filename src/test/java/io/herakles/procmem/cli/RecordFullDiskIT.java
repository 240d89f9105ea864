package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code record} onto a really full file system: a 48 KiB tmpfs, mounted for the test (root only;
 * CI runs as root, elsewhere the test is skipped and says why). The recorder must stop with one line
 * naming the file and the cause, exit non-zero, and leave a file that opens with every sample it
 * reported as kept.
 */
class RecordFullDiskIT extends LauncherTestBase {

    private Path mount;

    /** Outside the test's temporary folder, whose clean-up would otherwise meet the mount. */
    private Path small;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            Process u = new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start();
            String out = new String(u.getInputStream().readAllBytes());
            assertThat(u.waitFor(30, TimeUnit.SECONDS) && u.exitValue() == 0).as("umount: " + out).isTrue();
        }
        if (small != null) {
            Files.deleteIfExists(small);
        }
    }

    @Test
    void aFullDiskStopsTheRecordingWithOneLineAndKeepsEverySampleBeforeIt() throws Exception {
        small = Files.createTempDirectory("herakles-full-disk");
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        String why = new String(m.getInputStream().readAllBytes());
        Assumptions.assumeTrue(m.waitFor(30, TimeUnit.SECONDS) && m.exitValue() == 0,
                "cannot mount a small tmpfs here (needs root): " + why.strip());
        mount = small;
        Path file = small.resolve("full.jsonl.gz");

        Result r = herakles.run("record", "-o", file.toString(), "--interval", "1s", "--duration", "90s");

        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(1);
        assertThat(r.stderr()).doesNotContain("Exception", "\tat ");
        Matcher kept = Pattern.compile("Error: " + Pattern.quote(file.toString())
                + ": cannot write: No space left on device \\(recording stopped; (\\d+) samples kept\\)").matcher(r.stderr());
        assertThat(kept.find()).as(r.stderr()).isTrue();
        int samples = Integer.parseInt(kept.group(1));
        assertThat(samples).isPositive();
        // opened by the packaged jar too: an in-process read maps the file, which keeps the mount busy
        Result leaks = herakles.run("leaks", file.toString());
        assertThat(leaks.exitCode()).as(leaks.stderr()).isZero();
        assertThat(leaks.stdout()).as("every sample reported kept opens").contains(": " + samples + " samples,");
        assertThat(leaks.stderr()).doesNotContain("cut short");
    }
}
