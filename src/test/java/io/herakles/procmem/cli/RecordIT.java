package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.recording.Recording;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.testsupport.HeraklesLauncher.Running;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code record} through the packaged jar, stopped by SIGTERM as a service manager would. */
class RecordIT extends LauncherTestBase {

    @Test
    void sigtermLeavesAReadableRecording() throws Exception {
        Path file = dir.resolve("run.hrec");
        try (Running r = herakles.start("record", "-o", file.toString(), "--interval", "1s")) {
            Thread.sleep(3000);
            int code = r.terminate(30);
            assertThat(code).as(r.stderr()).isZero();
            assertThat(r.stderr()).contains("Recorded ").doesNotContain("Exception");
            // not a terminal: no progress line
            assertThat(r.stderr()).doesNotContain("\r");
        }
        Recording rec = RecordingReader.read(file);
        assertThat(rec.cutShort()).isEmpty();
        assertThat(rec.samples().size()).isBetween(1, 5);
        assertThat(rec.last().processes()).isNotEmpty();
    }
}
