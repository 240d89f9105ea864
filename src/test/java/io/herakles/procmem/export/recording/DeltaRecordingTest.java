package io.herakles.procmem.export.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyframes and deltas: exact round trips, the cadence, random access, old and recompressed files. */
class DeltaRecordingTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00.250Z");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /**
     * A series that changes as a system does: most processes stay as they were, some grow, some use
     * CPU, a process exits and another starts now and then, a pid is reused, PSS/USS become
     * unreadable and readable again.
     */
    static List<Snapshot> series(int samples, int processes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ProcessSample> now = new ArrayList<>(SyntheticSnapshots.generate(processes, 3).processes());
        int nextPid = 900_000;
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            if (i > 0) {
                for (int k = 0; k < now.size(); k++) {
                    ProcessSample p = now.get(k);
                    double r = random.nextDouble();
                    if (r < 0.05) {
                        now.set(k, p.toBuilder().rssBytes(p.rssBytes() + 4096 * (1 + random.nextInt(64)))
                                .ussBytes(p.ussBytes().isPresent() ? OptionalLong.of(p.ussBytes().getAsLong() + 8192)
                                        : OptionalLong.of(1 << 20))
                                .build());
                    } else if (r < 0.15) {
                        now.set(k, p.toBuilder().cpuTimeSeconds(p.cpuTimeSeconds() + 0.01 * (1 + random.nextInt(20)))
                                .cpuPercent(random.nextInt(300) / 10.0).build());
                    } else if (r < 0.16) {
                        now.set(k, p.toBuilder().pssBytes(OptionalLong.empty()).ussBytes(OptionalLong.empty())
                                .memory(MemoryBreakdown.UNKNOWN).build());
                    }
                }
                if (random.nextInt(3) == 0) {
                    now.remove(random.nextInt(now.size()));
                }
                if (random.nextInt(3) == 0) {
                    now.add(ProcessSample.builder(nextPid++, "new-" + i).cmdline("/bin/new --n " + i)
                            .startTime(T0.plusSeconds(i)).rssBytes(1 << 20).build());
                }
                if (i % 7 == 0) {
                    ProcessSample p = now.get(random.nextInt(now.size()));
                    now.set(now.indexOf(p), p.toBuilder().name("reused").startTime(T0.plusSeconds(5L * i)).build());
                }
            }
            Snapshot base = SyntheticSnapshots.generate(1, 1);
            out.add(new Snapshot(i, T0.plusSeconds(5L * i), "/proc", now, base.system(), base.stats()));
        }
        return out;
    }

    private Path record(String name, List<Snapshot> samples, int keyframeEvery) throws IOException {
        Path file = dir.resolve(name);
        try (RecordingWriter w = RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofSeconds(5), "/proc"),
                false, keyframeEvery)) {
            for (Snapshot s : samples) {
                w.append(s);
            }
        }
        return file;
    }

    private static void assertSameContent(Snapshot got, Snapshot expected) {
        assertThat(got.takenAt()).isEqualTo(expected.takenAt());
        assertThat(got.system()).isEqualTo(expected.system());
        assertThat(got.processes()).hasSameSizeAs(expected.processes());
        for (int i = 0; i < expected.processes().size(); i++) {
            // every field the format carries (the process's JSON object); CPU figures to 0.01
            ObjectNode gotTree = (ObjectNode) tree(got.processes().get(i));
            ObjectNode expectedTree = (ObjectNode) tree(expected.processes().get(i));
            for (String cpu : new String[] {"cpu_percent", "cpu_time_seconds"}) {
                assertThat(gotTree.remove(cpu).doubleValue()).as("%s of pid %d", cpu, got.processes().get(i).pid())
                        .isCloseTo(expectedTree.remove(cpu).doubleValue(), within(0.0051));
            }
            assertThat(gotTree).isEqualTo(expectedTree);
        }
    }

    /** The process's JSON object as the snapshot format writes it. */
    static JsonNode tree(ProcessSample p) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            SnapshotJsonWriter.writeProcess(buffer, p);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                out.add(MAPPER.readTree(line));
            }
            return out;
        }
    }

    @Test
    void everySampleComesBackExactlyInOrderAndAtRandom() throws Exception {
        List<Snapshot> series = series(40, 200, 1);
        Recording r = RecordingReader.read(record("r.hrec", series, 10));
        assertThat(r.size()).isEqualTo(40);
        for (int i = 0; i < 40; i++) {
            assertThat(r.takenAt(i)).isEqualTo(series.get(i).takenAt());
            assertSameContent(r.sample(i), series.get(i));
        }
        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < 60; k++) {
            int i = random.nextInt(40);
            assertSameContent(r.samples().get(i), series.get(i));
        }
        List<Snapshot> streamed = new ArrayList<>();
        RecordingReader.stream(r.file(), streamed::add);
        assertThat(streamed).hasSize(40);
        assertSameContent(streamed.get(39), series.get(39));
    }

    @Test
    void samplesDecodedFromDifferentKeyframesShareTheirTexts() throws Exception {
        List<Snapshot> series = series(3, 50, 7);
        Recording r = RecordingReader.read(record("r.hrec", series, 1));     // every sample a keyframe
        ProcessSample first = r.samples().get(0).processes().get(10);
        ProcessSample last = r.samples().get(2).processes().stream().filter(p -> p.pid() == first.pid())
                .findFirst().orElseThrow();
        assertThat(last.cmdline()).isEqualTo(first.cmdline()).isSameAs(first.cmdline());
        assertThat(last.name()).isSameAs(first.name());
        assertThat(last.group().group()).isSameAs(first.group().group());
    }

    @Test
    void theTextPoolKeepsOneInstanceAndStartsAgainWhenFull() {
        TextPool pool = new TextPool();
        String a = new String("postgres -D /var/lib");
        assertThat(pool.apply(new String(a))).isSameAs(pool.apply(a)).isEqualTo(a);
        for (int i = 0; i <= TextPool.MAX_TEXTS; i++) {
            pool.apply("t" + i);
        }
        String again = new String(a);
        assertThat(pool.apply(again)).as("the pool was emptied once full").isSameAs(again);
    }

    @Test
    void deltasCarryOnlyWhatChangedAndKeyframesComeEveryK() throws Exception {
        List<Snapshot> series = series(25, 300, 2);
        List<JsonNode> lines = lines(record("r.hrec", series, 10));
        assertThat(lines.get(0).path("keyframe_every").asInt()).isEqualTo(10);
        List<String> types = new ArrayList<>();
        for (JsonNode line : lines.subList(1, lines.size())) {
            types.add(line.path("type").asText());
        }
        assertThat(types).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(types.get(i)).as("sample %d", i).isEqualTo(i % 10 == 0 ? "keyframe" : "delta");
        }
        JsonNode delta = lines.get(2);
        JsonNode changed = delta.get("changed");
        int rows = changed.get("pid").size();
        assertThat(rows).isGreaterThan(0).isLessThan(300 / 3);
        // columns of the figures that moved, one value per pid; never the unchanging name or cmdline
        assertThat(changed.has("cmdline")).isFalse();
        assertThat(changed.has("name")).isFalse();
        changed.properties().forEach(column -> assertThat(column.getValue().size()).isEqualTo(rows));
        assertThat(changed.has("rss") || changed.has("cpu_time_seconds")).isTrue();
        assertThat(delta.get("system").isObject()).isTrue();
        assertThat(delta.get("generated_at").asText()).isEqualTo("2026-12-04T10:00:05.250Z");
    }

    @Test
    void aDeltaLargerThanHalfAKeyframeIsWrittenAsAKeyframe() throws Exception {
        List<Snapshot> unrelated = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Snapshot s = SyntheticSnapshots.generate(100, 50 + i);
            unrelated.add(new Snapshot(i, T0.plusSeconds(i), "/proc", s.processes(), s.system(), s.stats()));
        }
        List<JsonNode> lines = lines(record("r.hrec", unrelated, 100));
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.path("type").asText()).containsOnly("keyframe");
        assertSameContent(RecordingReader.read(dir.resolve("r.hrec")).sample(3), unrelated.get(3));
    }

    @Test
    void openingReadsNoSampleSoADamagedOneIsFoundWhenShownNamingItsByte() throws Exception {
        List<Snapshot> series = series(12, 50, 3);
        Path file = record("r.hrec", series, 5);
        Recording whole = RecordingReader.read(file);
        // damage the compressed body of sample 7 (a delta): its member header stays intact
        long offset = memberOffset(file, 7);
        byte[] all = Files.readAllBytes(file);
        for (int k = 40; k < 48; k++) {
            all[(int) offset + k] ^= 0x55;
        }
        Files.write(file, all);
        Recording jump = RecordingReader.read(file);
        assertThatThrownBy(() -> jump.sample(9)).as("a jump past it (its deltas read ahead) names the damaged one")
                .isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(file + ": corrupt at byte " + offset + " (sample 8)");
        assertSameContent(jump.sample(6), series.get(6));
        Recording r = RecordingReader.read(file);
        assertThat(r.size()).isEqualTo(whole.size());
        assertThat(r.takenAt(11)).isEqualTo(series.get(11).takenAt());
        assertSameContent(r.sample(4), series.get(4));
        assertThatThrownBy(() -> r.sample(7)).isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(file + ": corrupt at byte " + offset + " (sample 8)");
        assertThatThrownBy(() -> r.samples().get(8)).isInstanceOf(RecordingDamagedException.class)
                .hasMessageStartingWith(file + ": corrupt at byte " + offset);
        // the next keyframe's block is whole again
        assertSameContent(r.sample(10), series.get(10));
    }

    /** Byte offset of sample {@code index}'s member, from the tags. */
    private static long memberOffset(Path file, int index) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
        long offset = 0;
        for (int i = -1; i < index; i++) {
            offset += ((MemberTag.Found) MemberTag.peek(bytes, offset)).tag().length();
        }
        return offset;
    }

    /** A recording of a keyframe (the first of {@code series}) and one hand-written delta line. */
    private Path withDelta(List<Snapshot> series, String delta) throws IOException {
        Path file = record("hand.hrec", series.subList(0, 1), 10);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        byte[] member = MemberTag.member(MemberTag.DELTA, T0.plusSeconds(5).toEpochMilli(),
                (delta + "\n").getBytes(StandardCharsets.UTF_8), deflater);
        Files.write(file, member, java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    /**
     * Two keyframes (the first two of {@code series}) and hand-written delta lines after the second,
     * 5 s apart; opening shows the first keyframe, so a jump past the second decodes it with its
     * deltas read ahead ({@link DeltaRun}).
     */
    private Path withDeltasAfterSecondKeyframe(List<Snapshot> series, List<String> changed) throws IOException {
        Path file = record("hand.hrec", series.subList(0, 2), 1);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        for (int i = 0; i < changed.size(); i++) {
            Instant at = series.get(1).takenAt().plusSeconds(5L * (i + 1));
            String line = "{\"type\":\"delta\",\"generated_at\":\"" + at + "\",\"gone\":[],\"new\":[],\"changed\":"
                    + changed.get(i) + "}\n";
            Files.write(file, MemberTag.member(MemberTag.DELTA, at.toEpochMilli(), line.getBytes(StandardCharsets.UTF_8),
                    deflater), java.nio.file.StandardOpenOption.APPEND);
        }
        return file;
    }

    @Test
    void aJumpFoldsDeltasThatAddAndRemoveNothingToTheSameSampleAsOneByOne() throws Exception {
        List<Snapshot> series = series(2, 30, 8);
        List<ProcessSample> ps = series.get(1).processes();
        int a = ps.get(2).pid();
        int b = ps.get(5).pid();
        int c = ps.get(9).pid();
        List<String> deltas = List.of(
                "{\"pid\":[" + a + "," + b + "],\"rss\":[1000,2000],\"state\":[\"R\",null]}",
                "{\"pid\":[" + b + "," + c + "],\"rss\":[null,3000],\"uss\":[77,88]}",
                "null",
                "{\"pid\":[" + a + "],\"rss\":[1111]}",
                "{\"pid\":[" + c + "],\"state\":[\"D\"]}",
                "{\"pid\":[" + a + "," + c + "],\"uss\":[5,null]}");
        Path file = withDeltasAfterSecondKeyframe(series, deltas);
        Recording stepped = RecordingReader.read(file);
        for (int i = 2; i < 8; i++) {
            stepped.sample(i);
        }
        Snapshot jumped = RecordingReader.read(file).sample(7);
        assertThat(jumped.takenAt()).isEqualTo(stepped.sample(7).takenAt());
        assertThat(jumped.processes()).isEqualTo(stepped.sample(7).processes());
        assertThat(jumped.byPid(a).orElseThrow().rssBytes()).isEqualTo(1111);
        assertThat(jumped.byPid(a).orElseThrow().ussBytes()).hasValue(5);
        assertThat(jumped.byPid(a).orElseThrow().state()).isEqualTo('R');
        assertThat(jumped.byPid(b).orElseThrow().rssBytes()).isEqualTo(2000);
        assertThat(jumped.byPid(c).orElseThrow().rssBytes()).isEqualTo(3000);
        assertThat(jumped.byPid(c).orElseThrow().ussBytes()).hasValue(88);
        assertThat(jumped.byPid(c).orElseThrow().state()).isEqualTo('D');
    }

    @Test
    void aFoldedDeltaNamingAMissingPidIsStillReportedAsItsOwnSample() throws Exception {
        List<Snapshot> series = series(2, 30, 8);
        int a = series.get(1).processes().get(2).pid();
        List<String> deltas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deltas.add("{\"pid\":[" + (i == 3 ? 4000000 : a) + "],\"rss\":[" + (1000 + i) + "]}");
        }
        Path file = withDeltasAfterSecondKeyframe(series, deltas);
        Recording r = RecordingReader.read(file);
        // samples 1-2 are the keyframes, the bad delta is the 4th after them: sample 6
        assertThatThrownBy(() -> r.sample(7)).isInstanceOf(SnapshotFileException.class)
                .hasMessageStartingWith(file + ": sample 6 (at byte ")
                .hasMessageContaining("changed.pid[0]: pid 4000000 is not in the sample before");
        assertThat(RecordingReader.read(file).sample(4).byPid(a).orElseThrow().rssBytes()).as("before it").isEqualTo(1002);
    }

    @Test
    void columnsFoldAsTheirDeltasAppliedInTurn() throws Exception {
        Columns earlier = changed("{\"pid\":[1,3,5],\"rss\":[10,30,50],\"uss\":[1,null,5]}");
        Columns later = changed("{\"pid\":[2,3],\"rss\":[null,33],\"state\":[\"R\",\"S\"]}");
        assertThat(Columns.canFold(earlier, later)).isTrue();
        Map<Integer, long[]> folded = pending(Columns.fold(earlier, later));
        Map<Integer, long[]> inTurn = new java.util.HashMap<>();
        earlier.applyTo(java.util.Set.of(1, 2, 3, 5), inTurn, "x");
        later.applyTo(java.util.Set.of(1, 2, 3, 5), inTurn, "x");
        assertThat(folded).containsOnlyKeys(1, 2, 3, 5);
        for (int pid : inTurn.keySet()) {
            assertThat(folded.get(pid)).as("pid %d", pid).containsExactly(inTurn.get(pid));
        }
        assertThat(folded.get(3)[DeltaColumn.RSS.ordinal()]).isEqualTo(33);
        assertThat(Columns.canFold(changed("{\"pid\":[3,1],\"rss\":[1,2]}"), later)).as("pids out of order").isFalse();
        assertThat(Columns.fold(null, null)).isNull();
        assertThatThrownBy(() -> Columns.fold(null, later).applyTo(java.util.Set.of(2), new java.util.HashMap<>(), "x"))
                .as("folded columns never name a sample").isInstanceOf(Columns.FoldedRunInvalid.class);
    }

    private static Columns changed(String json) throws Exception {
        String line = "{\"type\":\"delta\",\"generated_at\":\"2026-12-04T10:00:05Z\",\"changed\":" + json + "}";
        return SampleDecoder.parse(line.getBytes(StandardCharsets.UTF_8), "x").changed();
    }

    private static Map<Integer, long[]> pending(Columns c) throws SnapshotFileException {
        Map<Integer, long[]> out = new java.util.HashMap<>();
        c.applyTo(java.util.Set.of(1, 2, 3, 5), out, "x");
        return out;
    }

    @Test
    void aDeltaWhoseColumnsDoNotFitIsOneLineNamingSampleAndColumn() throws Exception {
        List<Snapshot> series = series(1, 20, 4);
        int pid = series.get(0).processes().get(3).pid();
        String head = "{\"type\":\"delta\",\"generated_at\":\"2026-12-04T10:00:05.250Z\",\"gone\":[],\"new\":[],";

        Path ok = withDelta(series, head + "\"changed\":{\"pid\":[" + pid + "],\"rss\":[12345678],\"state\":[\"R\"]}}");
        ProcessSample changed = RecordingReader.read(ok).sample(1).byPid(pid).orElseThrow();
        assertThat(changed.rssBytes()).isEqualTo(12345678);
        assertThat(changed.state()).isEqualTo('R');
        assertThat(changed.name()).isEqualTo(series.get(0).processes().get(3).name());
        Files.delete(ok);

        for (String[] bad : new String[][] {
                {"\"pid\":[" + pid + "],\"rss\":[1,2]", "column 'rss' has 2 values for 1 pids"},
                {"\"pid\":[" + pid + "],\"colour\":[1]", "unknown column 'colour'"},
                {"\"pid\":[" + pid + "],\"rss\":[-5]", "changed.rss[0]: must be non-negative"},
                {"\"pid\":[" + pid + "],\"state\":[7]", "changed.state[0]: must be a one-letter state"},
                {"\"pid\":[4000000],\"rss\":[1]", "changed.pid[0]: pid 4000000 is not in the sample before"},
                {"\"rss\":[1]", "changed: column 'pid' is missing"}}) {
            Path file = withDelta(series, head + "\"changed\":{" + bad[0] + "}}");
            Recording r = RecordingReader.read(file);
            assertThatThrownBy(() -> r.sample(1)).as(bad[0]).isInstanceOf(SnapshotFileException.class)
                    .hasMessageStartingWith(file + ": sample 2 (at byte ")
                    .hasMessageContaining(bad[1]);
            Files.delete(file);
        }
    }

    @Test
    void versionOneRecordingsStillOpen() throws Exception {
        List<Snapshot> series = series(3, 20, 4);
        StringBuilder text = new StringBuilder();
        Path file = dir.resolve("v1.hrec");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(gzip("{\"format\":\"herakles-proc-mem recording\",\"version\":1,\"created_at\":\"" + T0
                + "\",\"interval_seconds\":5.0,\"source\":\"/proc\"}\n"));
        for (Snapshot s : series) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            io.herakles.procmem.export.snapshot.SnapshotJsonWriter.writeLine(s, line);
            bytes.write(gzip(line.toString(StandardCharsets.UTF_8)));
            text.append(line.toString(StandardCharsets.UTF_8));
        }
        Files.write(file, bytes.toByteArray());
        Recording r = RecordingReader.read(file);
        assertThat(r.header().version()).isEqualTo(1);
        assertThat(r.size()).isEqualTo(3);
        assertSameContent(r.last(), series.get(2));
        assertThat(text).isNotEmpty();
    }

    @Test
    void aRecompressedRecordingStillOpensAndACutOneSaysWhere() throws Exception {
        List<Snapshot> series = series(8, 30, 5);
        Path file = record("r.hrec", series, 4);
        byte[] plain;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            plain = in.readAllBytes();
        }
        Path again = dir.resolve("again.hrec");
        Files.write(again, gzip(new String(plain, StandardCharsets.UTF_8)));
        Recording r = RecordingReader.read(again);
        assertThat(r.size()).isEqualTo(8);
        assertSameContent(r.sample(6), series.get(6));

        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.hrec");
        long lastMember = memberOffset(file, 7);
        Files.write(cut, java.util.Arrays.copyOf(all, (int) lastMember + 20));
        Recording c = RecordingReader.read(cut);
        assertThat(c.size()).isEqualTo(7);
        assertThat(c.cutShort()).hasValue(cut + ": cut short at byte " + lastMember + " of " + (lastMember + 20)
                + "; read up to the last complete sample (7)");
        assertSameContent(c.last(), series.get(6));
    }

    @Test
    void thinningKeepsKeyframesOfTheOlderHalfThenDropsEverySecondAndTheChainsStayValid() throws Exception {
        List<Snapshot> series = series(60, 60, 6);
        Path file = dir.resolve("thin.hrec");
        try (RecordingWriter w = RecordingWriter.create(file, RecordingHeader.now(T0, Duration.ofSeconds(5), "/proc"),
                false, 5)) {
            for (int i = 0; i < 59; i++) {
                w.append(series.get(i));
            }
            long full = w.size();
            assertThat(w.thinTo(full * 3 / 4)).isTrue();
            assertThat(w.size()).isLessThanOrEqualTo(full * 3 / 4).isEqualTo(Files.size(file));
            w.append(series.get(59));
        }
        Recording r = RecordingReader.read(file);
        assertThat(r.cutShort()).isEmpty();
        assertThat(r.size()).isLessThan(60);
        assertSameContent(r.first(), series.get(0));
        assertSameContent(r.last(), series.get(59));
        List<Snapshot> all = new ArrayList<>();
        RecordingReader.stream(file, all::add);
        for (Snapshot s : all) {
            int i = (int) Duration.between(T0, s.takenAt()).toSeconds() / 5;
            assertSameContent(s, series.get(i));
        }
        // the recent past stays whole: the last 20 samples are all there
        assertThat(all.subList(all.size() - 20, all.size())).extracting(Snapshot::takenAt)
                .isEqualTo(series.subList(40, 60).stream().map(Snapshot::takenAt).toList());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
