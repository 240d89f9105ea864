package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.recording.Recording;
import io.herakles.procmem.export.recording.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record} in this JVM against the real /proc, and its refusals. */
class RecordCommandTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheLiveSystemForTheDuration() throws Exception {
        Path file = dir.resolve("live.hrec");
        InProcessCli r = InProcessCli.run("--no-config", "record", "-o", file.toString(), "--interval", "500ms",
                "--duration", "3s");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("Recorded ", file.toString());
        Recording rec = RecordingReader.read(file);
        assertThat(rec.cutShort()).isEmpty();
        assertThat(rec.header().interval()).contains(Duration.ofMillis(500));
        assertThat(rec.samples().size()).isBetween(2, 10);
        assertThat(rec.last().processes()).anyMatch(p -> p.pid() == ProcessHandle.current().pid());
        assertThat(rec.last().takenAt()).isAfter(rec.first().takenAt());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        Path file = dir.resolve("exists.hrec");
        Files.writeString(file, "precious");
        InProcessCli r = InProcessCli.run("--no-config", "record", "-o", file.toString(), "--duration", "1s");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.stderr().strip()).isEqualTo("Error: " + file + ": exists already; use --force to overwrite it");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void badDurationsAndSizesAreUsageErrors() {
        InProcessCli r = InProcessCli.run("--no-config", "record", "-o", dir.resolve("x").toString(), "--interval", "5 parsecs");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.stderr()).contains("expected a duration such as 500ms, 5s, 10m or 8h, got '5 parsecs'");
        InProcessCli s = InProcessCli.run("--no-config", "record", "-o", dir.resolve("x").toString(), "--max-size", "lots");
        assertThat(s.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(s.stderr()).contains("expected a size such as 200MB");
    }

    @Test
    void sizesAndDurationsParse() {
        assertThat(new SizeConverter().convert("200MB")).isEqualTo(200L << 20);
        assertThat(new SizeConverter().convert("1.5G")).isEqualTo(3L << 29);
        assertThat(new SizeConverter().convert("4096")).isEqualTo(4096L);
        assertThat(new DurationConverter().convert("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(new DurationConverter().convert("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(new DurationConverter().convert("5")).isEqualTo(Duration.ofSeconds(5));
    }
}
