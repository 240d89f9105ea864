package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: measures writing and reading a 5,000-process snapshot. Runs only on request:
 * {@code mvn -B -q -o test -Dtest=SnapshotJsonBenchmarkTest -Dherakles.bench=true}; the numbers
 * land in {@code target/surefire-reports/...SnapshotJsonBenchmarkTest-output.txt}.
 */
@EnabledIfSystemProperty(named = "herakles.bench", matches = "true")
class SnapshotJsonBenchmarkTest {

    private static final int PROCESSES = 5000;
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void writeAndRead5000Processes() throws Exception {
        Snapshot s = SyntheticSnapshots.generate(PROCESSES, 1);
        Path file = dir.resolve("bench.json");
        long absent = s.processes().stream().filter(p -> p.pssBytes().isEmpty()).count();
        long bytes = 0;
        long writeNs = Long.MAX_VALUE;
        long streamNs = Long.MAX_VALUE;
        long readNs = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            SnapshotJsonWriter.writeFile(s, file);
            long t1 = System.nanoTime();
            SnapshotJsonWriter.write(s, OutputStream.nullOutputStream());
            long t2 = System.nanoTime();
            Snapshot read = SnapshotJsonReader.read(file);
            long t3 = System.nanoTime();
            assertThat(read.processes()).hasSize(PROCESSES);
            writeNs = Math.min(writeNs, t1 - t0);
            streamNs = Math.min(streamNs, t2 - t1);
            readNs = Math.min(readNs, t3 - t2);
            bytes = Files.size(file);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SnapshotJsonWriter.write(s, sink);
        System.out.printf("processes=%d absentPss=%d fileBytes=%d best of %d: writeFile=%.1f ms, "
                        + "write(null stream)=%.1f ms, read=%.1f ms%n",
                PROCESSES, absent, bytes, ROUNDS, writeNs / 1e6, streamNs / 1e6, readNs / 1e6);
    }
}
