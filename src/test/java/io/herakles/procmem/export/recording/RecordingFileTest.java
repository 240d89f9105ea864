package io.herakles.procmem.export.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00.250Z");

    @TempDir
    Path dir;

    private static Snapshot sample(int i, int processes) {
        Snapshot s = SyntheticSnapshots.generate(processes, i);
        return new Snapshot(i, T0.plusSeconds(5L * i), s.source(), s.processes(), s.system(), s.stats());
    }

    private Path record(String name, int samples, int processes) throws IOException {
        Path file = dir.resolve(name);
        try (RecordingWriter w = RecordingWriter.create(file,
                RecordingHeader.now(T0, Duration.ofSeconds(5), "/proc"), false)) {
            for (int i = 0; i < samples; i++) {
                w.append(sample(i, processes));
            }
        }
        return file;
    }

    @Test
    void roundTripKeepsEverySampleAndItsMillisecondTime() throws Exception {
        Path file = record("r.hrec", 4, 30);
        Recording r = RecordingReader.read(file);
        assertThat(r.cutShort()).isEmpty();
        assertThat(r.header().interval()).contains(Duration.ofSeconds(5));
        assertThat(r.header().source()).isEqualTo("/proc");
        assertThat(r.samples()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            Snapshot expected = sample(i, 30);
            Snapshot got = r.samples().get(i);
            assertThat(got.takenAt()).isEqualTo(expected.takenAt());
            assertThat(got.processes()).hasSameSizeAs(expected.processes());
            assertThat(got.processes().get(7).ussBytes()).isEqualTo(expected.processes().get(7).ussBytes());
            assertThat(got.processes().get(7).cmdline()).isEqualTo(expected.processes().get(7).cmdline());
        }
    }

    @Test
    void plainZcatGivesJsonLinesWithTheHeaderFirst() throws Exception {
        Path file = record("r.hrec", 3, 5);
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).contains("\"format\":\"herakles-proc-mem recording\"", "\"version\":2");
        assertThat(lines[1]).startsWith("{\"type\":\"keyframe\",\"version\":\"1.0\","
                + "\"generated_at\":\"2026-12-04T10:00:00.250Z\"");
    }

    @Test
    void aFileCutAnywhereReadsUpToTheLastCompleteSampleAndSaysSo() throws Exception {
        Path file = record("r.hrec", 5, 20);
        byte[] all = Files.readAllBytes(file);
        int lastComplete = -1;
        int saidCut = 0;
        int cuts = 0;
        for (int cut = all.length - 1; cut > all.length / 3; cut -= Math.max(1, all.length / 97)) {
            Path cutFile = dir.resolve("cut-" + cut);
            Files.write(cutFile, Arrays.copyOf(all, cut));
            Recording r = RecordingReader.read(cutFile);
            // a cut exactly between two samples leaves a whole, shorter recording
            r.cutShort().ifPresent(c -> assertThat(c).contains(cutFile.toString(), "cut short at byte",
                    "last complete sample"));
            saidCut += r.cutShort().isPresent() ? 1 : 0;
            cuts++;
            assertThat(r.samples().size()).isBetween(1, 5);
            if (lastComplete != -1) {
                assertThat(r.samples().size()).isLessThanOrEqualTo(lastComplete);
            }
            lastComplete = r.samples().size();
        }
        assertThat(saidCut).isGreaterThan(cuts * 9 / 10);
    }

    @Test
    void aFileCutBeforeTheFirstSampleIsRefusedWithThePosition() throws Exception {
        Path file = record("r.hrec", 1, 20);
        Path cut = dir.resolve("cut");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(file), 40));
        assertThatThrownBy(() -> RecordingReader.read(cut)).isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(cut.toString()).hasMessageContaining("byte");
    }

    @Test
    void corruptBytesInTheMiddleAreRefusedNamingTheByte() throws Exception {
        Path file = record("r.hrec", 3, 20);
        byte[] all = Files.readAllBytes(file);
        all[all.length / 2] ^= 0x5a;
        all[all.length / 2 + 1] ^= 0x33;
        Files.write(file, all);
        // opening walks the member headers only; reading the damaged sample finds the damage
        assertThatThrownBy(() -> RecordingReader.stream(file, s -> { })).isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(file + ": corrupt at byte ").hasMessageNotContaining("\n");
    }

    @Test
    void aTrailerThatMisstatesTheSizeIsAChecksumMismatchNotAHugeBuffer() throws Exception {
        // a sample is inflated into an array its trailer sizes: a lying trailer must cost nothing and be named
        for (int stated : new int[] {0xfffffff0, 3, 0}) {
            Path file = record("r" + stated + ".hrec", 3, 20);
            byte[] all = Files.readAllBytes(file);
            int size = all.length - 4;      // the last member's (the last sample's) ISIZE field
            all[size] = (byte) stated;
            all[size + 1] = (byte) (stated >>> 8);
            all[size + 2] = (byte) (stated >>> 16);
            all[size + 3] = (byte) (stated >>> 24);
            Files.write(file, all);
            Recording r = RecordingReader.read(file);
            assertThat(r.samples().get(1).processes()).hasSize(20);
            assertThatThrownBy(() -> r.samples().get(2)).isInstanceOf(RecordingDamagedException.class)
                    .hasMessageStartingWith(file + ": corrupt at byte ").hasMessageEndingWith("checksum mismatch");
        }
    }

    @Test
    void foreignFilesAreRefusedInOneLine() throws Exception {
        Path json = dir.resolve("snap.json");
        Files.writeString(json, "{\"version\":\"1.0\"}");
        assertThatThrownBy(() -> RecordingReader.read(json)).hasMessage(json
                + ": not a recording (not gzip-compressed at byte 0; a snapshot file is plain JSON)");
        Path otherGzip = dir.resolve("other.gz");
        Files.write(otherGzip, gzip("hello\nworld\n"));
        assertThatThrownBy(() -> RecordingReader.read(otherGzip))
                .hasMessage(otherGzip + ": not a herakles-proc-mem recording (line 1 at byte 0 is not its header)");
        assertThat(RecordingReader.looksLikeRecording(otherGzip)).isTrue();
        assertThat(RecordingReader.looksLikeRecording(json)).isFalse();
    }

    @Test
    void newerVersionsAreRefusedNamingTheVersion() throws Exception {
        Path file = dir.resolve("new.hrec");
        Files.write(file, gzip("{\"format\":\"herakles-proc-mem recording\",\"version\":7}\n"));
        assertThatThrownBy(() -> RecordingReader.read(file))
                .hasMessageContaining(file + ": recording format version 7 is newer than this program reads (up to 2)");
    }

    @Test
    void aBadSampleNamesItsNumberAndField() throws Exception {
        Path file = dir.resolve("bad.hrec");
        Files.write(file, gzip("{\"format\":\"herakles-proc-mem recording\",\"version\":1}\n"
                + "{\"version\":\"1.0\",\"generated_at\":\"2026-12-04T10:00:00Z\",\"processes\":[{\"pid\":-3}]}\n"));
        assertThatThrownBy(() -> RecordingReader.read(file))
                .hasMessageStartingWith(file + ": sample 1 (at byte ").hasMessageContaining("pid");
    }

    @Test
    void neverOverwritesWithoutBeingTold() throws Exception {
        Path file = record("r.hrec", 1, 3);
        long before = Files.size(file);
        assertThatThrownBy(() -> RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofSeconds(1), "x"), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.size(file)).isEqualTo(before);
        RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofSeconds(1), "x"), true).close();
        assertThat(Files.size(file)).isLessThan(before);
    }

    @Test
    void thinningKeepsTheStartAndTheRecentPastAndStaysReadable() throws Exception {
        Path file = dir.resolve("thin.hrec");
        try (RecordingWriter w = RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofSeconds(5), "/proc"),
                false)) {
            for (int i = 0; i < 40; i++) {
                w.append(sample(i, 10));
            }
            long full = w.size();
            assertThat(w.thinTo(full / 2)).isTrue();
            assertThat(w.size()).isLessThanOrEqualTo(full / 2).isEqualTo(Files.size(file));
            w.append(sample(40, 10));
        }
        Recording r = RecordingReader.read(file);
        assertThat(r.cutShort()).isEmpty();
        assertThat(r.first().takenAt()).isEqualTo(T0);
        assertThat(r.last().takenAt()).isEqualTo(T0.plusSeconds(5 * 40));
        assertThat(r.samples().get(r.samples().size() - 2).takenAt()).isEqualTo(T0.plusSeconds(5 * 39));
        assertThat(r.samples().size()).isLessThan(30);
        assertThat(r.samples()).extracting(Snapshot::takenAt).isSorted();
    }

    @Test
    void nearestSampleByTime() throws Exception {
        Recording r = RecordingReader.read(record("r.hrec", 4, 2));
        assertThat(r.nearestIndex(T0.minusSeconds(100))).isZero();
        assertThat(r.nearestIndex(T0.plusSeconds(6))).isEqualTo(1);
        assertThat(r.nearestIndex(T0.plusSeconds(9))).isEqualTo(2);
        assertThat(r.nearest(T0.plusSeconds(1000)).takenAt()).isEqualTo(T0.plusSeconds(15));
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
