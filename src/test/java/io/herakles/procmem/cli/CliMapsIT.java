package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code maps} through the packaged jar, on the live /proc. */
class CliMapsIT extends LauncherTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SELF = ProcessHandle.current().pid();

    @Test
    void mapsOfThisTestJvm() throws Exception {
        Result text = herakles.run("maps", Long.toString(SELF));
        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.stdout()).containsPattern("pid " + SELF + " \\(java\\): \\d+ mappings, RSS [1-9]")
                .contains("[heap]", "libjvm.so", "[stack]");

        Result json = herakles.run("maps", Long.toString(SELF), "--format", "json", "--by", "kind");
        assertThat(json.exitCode()).as(json.describe()).isZero();
        JsonNode tree = JSON.readTree(json.stdout());
        assertThat(tree.path("pid").asLong()).isEqualTo(SELF);
        assertThat(tree.path("totals").path("rss_bytes").asLong()).isPositive();
        assertThat(tree.path("groups").findValuesAsText("kind")).contains("file", "anonymous");
    }

    @Test
    void sharedAcrossEveryProcess() throws Exception {
        Result r = herakles.run("maps", "--all", "--top", "5", "--format", "json");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        JsonNode tree = JSON.readTree(r.stdout());
        assertThat(tree.path("scanned").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(tree.path("shared").size()).isBetween(1, 5);
        // at least this JVM and the jar's JVM map libjvm.so
        JsonNode first = tree.path("shared").get(0);
        assertThat(first.path("processes").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(first.path("rss_bytes").asLong()).isGreaterThanOrEqualTo(first.path("pss_bytes").asLong());

        Result text = herakles.run("maps", "--all");
        assertThat(text.exitCode()).as(text.describe()).isZero();
        assertThat(text.stdout()).containsPattern("\\d+ files and segments mapped by 2 or more processes")
                .containsPattern("libjvm\\.so: \\d+ processes, RSS .*, PSS ");
    }

    private static boolean deniedToUs(Path file) {
        try {
            Files.readAllBytes(file);
            return false;
        } catch (java.nio.file.AccessDeniedException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void badInputIsOneLine() throws Exception {
        CliAssertions.assertFailsWithOneLine(herakles.run("maps", "12x"), 1, "not a process id: '12x'");
        CliAssertions.assertFailsWithOneLine(herakles.run("maps", "2147483"), 1, "no process with pid 2147483");
        if (Files.exists(Path.of("/proc/2/stat")) && Files.readString(Path.of("/proc/2/stat")).contains("(kthreadd)")) {
            CliAssertions.assertFailsWithOneLine(herakles.run("maps", "2"), 1, "kernel thread");
        }
        if (deniedToUs(Path.of("/proc/1/smaps"))) { // in a container without CAP_SYS_PTRACE, even as root
            CliAssertions.assertFailsWithOneLine(herakles.run("maps", "1"), 1, "pid 1",
                    "run as root or grant CAP_SYS_PTRACE");
        }
        CliAssertions.assertFailsWithOneLine(herakles.run("maps"), 2, "missing PID");
        CliAssertions.assertFailsWithOneLine(herakles.run("maps", "1", "--by", "colour"), 2, "--by");
    }
}
