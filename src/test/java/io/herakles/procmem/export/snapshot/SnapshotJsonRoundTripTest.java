package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheSameProcessesAndSystem() throws Exception {
        List<ProcessSample> processes = new ArrayList<>(Samples.awkwardNames());
        processes.add(Samples.postgres());
        processes.add(Samples.unreadable());
        Snapshot original = Samples.snapshot(processes);
        Path file = dir.resolve("snap.json");

        SnapshotJsonWriter.writeFile(original, file);
        Snapshot read = SnapshotJsonReader.read(file);

        assertThat(read.processes()).containsExactlyElementsOf(original.processes());
        assertThat(read.system()).isEqualTo(original.system());
        assertThat(read.takenAt()).isEqualTo(original.takenAt());
        assertThat(read.source()).isEqualTo("file: snap.json");
    }

    /**
     * CPU figures are computed shares written with all their digits; the readers use jackson-core's
     * fast double parser, which must give back exactly the double that was written, as the JDK's
     * parsing (a plain mapper's tree) does.
     */
    @Test
    void cpuFiguresComeBackBitForBitOnBothReadingPaths() throws Exception {
        java.util.Random random = new java.util.Random(20261206);
        List<ProcessSample> processes = new ArrayList<>();
        for (int pid = 1; pid <= 2_000; pid++) {
            double share = switch (pid % 4) {
                case 0 -> random.nextDouble() * 100;
                case 1 -> random.nextDouble() * 1e-6;
                case 2 -> Math.ulp(1.0) * pid + random.nextInt(400);
                default -> Double.longBitsToDouble(random.nextLong() >>> 12 | 0x3ff0000000000000L) * 1e5;
            };
            processes.add(Samples.postgres().toBuilder().pid(pid).cpuPercent(share).cpuTimeSeconds(share * 7.3).build());
        }
        Snapshot original = Samples.snapshot(processes);
        byte[] json = Samples.toJson(original).getBytes(StandardCharsets.UTF_8);
        Snapshot direct = SnapshotJsonReader.parse(json, "direct", "src");
        // the JDK's own parsing, through a plain mapper's tree
        Snapshot jdk = SnapshotJsonReader.fromTree(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json),
                "tree", "src", Instant.EPOCH);
        for (int i = 0; i < processes.size(); i++) {
            ProcessSample want = processes.get(i);
            for (Snapshot read : List.of(direct, jdk)) {
                ProcessSample got = read.processes().get(i);
                assertThat(Double.doubleToRawLongBits(got.cpuPercent())).as("pid %d cpu_percent %s", want.pid(),
                        want.cpuPercent()).isEqualTo(Double.doubleToRawLongBits(want.cpuPercent()));
                assertThat(Double.doubleToRawLongBits(got.cpuTimeSeconds())).as("pid %d cpu_time_seconds %s", want.pid(),
                        want.cpuTimeSeconds()).isEqualTo(Double.doubleToRawLongBits(want.cpuTimeSeconds()));
            }
        }
    }

    @Test
    void absentPssAndUssStayAbsentAndAreWrittenAsNull() throws Exception {
        Snapshot original = Samples.snapshot(List.of(Samples.unreadable()));
        String json = Samples.toJson(original);

        assertThat(json).contains("\"pss\": null,").contains("\"uss\": null,").contains("\"uid\": null,");
        Path file = Files.writeString(dir.resolve("a.json"), json);
        ProcessSample read = SnapshotJsonReader.read(file).processes().get(0);
        assertThat(read.pssBytes()).isEmpty();
        assertThat(read.ussBytes()).isEmpty();
        assertThat(read.memory().pssAnon()).isEmpty();
        assertThat(read.memory().rssAnon()).hasValue(4_000_000L);
        assertThat(read).isEqualTo(Samples.unreadable());
    }

    @Test
    void layoutIsUpstreamsPrettyFormWithStableFieldOrderAndPidOrder() throws Exception {
        ProcessSample second = Samples.postgres().toBuilder().pid(1204).build();
        String json = Samples.toJson(Samples.snapshot(List.of(second, Samples.postgres())));

        assertThat(json).startsWith("{\n  \"version\": \"1.0\",\n  \"generated_at\": \"2025-12-01T10:00:00Z\",\n"
                + "  \"source\": \"/proc\",\n  \"system\": {\n    \"mem_total\": 16000000000,\n");
        assertThat(json).contains("  \"processes\": [\n    {\n      \"pid\": 1203,\n      \"name\": \"postgres\",\n"
                + "      \"group\": \"db\",\n      \"subgroup\": \"postgres\",\n      \"rss\": 536870912,\n"
                + "      \"pss\": 469762048,\n      \"uss\": 402653184,\n      \"cpu_percent\": 2.5,\n"
                + "      \"cpu_time_seconds\": 1234.5,\n      \"ppid\": 1,\n");
        assertThat(json).contains("\"start_time\": \"2025-12-01T08:15:42.250Z\"");
        assertThat(json.indexOf("\"pid\": 1203")).isLessThan(json.indexOf("\"pid\": 1204"));
        assertThat(json).endsWith("  ]\n}\n");
    }

    @Test
    void emptySnapshotWritesAnEmptyArrayAndReadsBack() throws Exception {
        Snapshot empty = new Snapshot(1, Samples.TAKEN_AT, "/proc", List.of(), SystemSample.UNKNOWN,
                io.herakles.procmem.model.CollectionStats.NONE);
        String json = Samples.toJson(empty);

        assertThat(json).contains("\"processes\": []").contains("\"cpu_usage_ratio\": {}");
        Snapshot read = SnapshotJsonReader.read(Files.writeString(dir.resolve("e.json"), json));
        assertThat(read.processes()).isEmpty();
        assertThat(read.system()).isEqualTo(SystemSample.UNKNOWN);
    }

    @Test
    void namesAreWrittenAsUtf8WithJsonEscapes() throws Exception {
        String json = Samples.toJson(Samples.snapshot(Samples.awkwardNames()));

        assertThat(json).contains("\"name\": \"say \\\"hi\\\"\"")
                .contains("\"name\": \"back\\\\slash\\\\\"")
                .contains("\"name\": \"two\\nlines\\ttab\"")
                .contains("\"name\": \"emoji \uD83D\uDE00 \uD834\uDD1E\"")
                .contains("\"name\": \"bad \uFFFD\uFFFD bytes\"");
        assertThat(json.lines()).allSatisfy(line -> assertThat(line).doesNotContain("\u0001"));
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() throws Exception {
        ProcessSample broken = ProcessSample.builder(9, "lone \uD83D high and \uDE00 low").build();
        Path file = dir.resolve("s.json");
        SnapshotJsonWriter.writeFile(Samples.snapshot(List.of(broken)), file);

        assertThat(SnapshotJsonReader.read(file).processes().get(0).name())
                .isEqualTo("lone \uFFFD high and \uFFFD low");
    }

    @Test
    void writeFileReplacesAnExistingFileAndLeavesNoTemporaryBehind() throws Exception {
        Path file = Files.writeString(dir.resolve("old.json"), "garbage");
        SnapshotJsonWriter.writeFile(Samples.snapshot(List.of(Samples.postgres())), file);

        assertThat(SnapshotJsonReader.read(file).processes()).containsExactly(Samples.postgres());
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void writeErrorsNameTheTargetFileNotTheTemporaryOne() {
        Path file = dir.resolve("missing-dir").resolve("snap.json");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SnapshotJsonWriter.writeFile(Samples.snapshot(List.of()), file))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage(file + ": cannot write: no such directory");

        Path directory = dir;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> SnapshotJsonWriter.writeFile(Samples.snapshot(List.of()), directory))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith(directory + ": cannot write: ");
    }

    @Test
    void generatedAtIsUtcWholeSeconds() {
        assertThat(SnapshotJsonWriter.formatGeneratedAt(Instant.parse("2025-01-02T03:04:05.999Z")))
                .isEqualTo("2025-01-02T03:04:05Z");
    }

    @Test
    void fileReadBackKeepsTheGroupsAsWritten() throws Exception {
        ProcessSample odd = Samples.postgres().withGroup(new GroupKey("custom", "thing"), "");
        Path file = dir.resolve("g.json");
        SnapshotJsonWriter.writeFile(Samples.snapshot(List.of(odd)), file);

        assertThat(SnapshotJsonReader.read(file).processes().get(0).group()).isEqualTo(new GroupKey("custom", "thing"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"group\": \"custom\"");
    }
}
