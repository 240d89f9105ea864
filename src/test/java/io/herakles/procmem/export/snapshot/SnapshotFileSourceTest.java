package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.testsupport.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileSourceTest {

    private static final Instant LOAD_TIME = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("live.json");
    }

    private Path write(ProcessSample... processes) throws Exception {
        SnapshotJsonWriter.writeFile(Samples.snapshot(List.of(processes)), file());
        return file();
    }

    /** Overwrites in place and moves mtime on, so the change is seen whatever the timestamp granularity. */
    private void overwrite(String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(file());
        Files.writeString(file(), content);
        Files.setLastModifiedTime(file(), FileTime.fromMillis(before.toMillis() + 5_000));
    }

    private static ProcessSample proc(int pid, String name) {
        return ProcessSample.builder(pid, name).rssBytes(pid * 1000L).pssBytes(pid * 900L).ussBytes(pid * 800L).build();
    }

    private static List<String> names(SnapshotFileSource source) {
        return source.latest().orElseThrow().processes().stream().map(ProcessSample::name).toList();
    }

    @Test
    void publishesTheFileAtStartWithLoadTimeSequenceAndSource() throws Exception {
        write(proc(20, "b"), proc(10, "a"));
        try (SnapshotFileSource source = new SnapshotFileSource(file(), Optional::of,
                Clock.fixed(LOAD_TIME, ZoneOffset.UTC))) {
            Snapshot s = source.latest().orElseThrow();
            assertThat(s.processes()).extracting(ProcessSample::pid).containsExactly(10, 20);
            assertThat(s.sequence()).isEqualTo(1);
            assertThat(s.takenAt()).isEqualTo(LOAD_TIME);
            assertThat(s.source()).isEqualTo("file: live.json");
            assertThat(s.system()).isEqualTo(Samples.system());
            assertThat(s.stats().pidsSeen()).isEqualTo(2);
            assertThat(s.stats().success()).isTrue();
            assertThat(source.lastError()).isEmpty();
        }
    }

    @Test
    void badFileAtStartThrowsTheReadersMessage() throws Exception {
        Files.writeString(file(), "{ \"version\": \"1.0\" }");
        assertThatThrownBy(() -> new SnapshotFileSource(file()))
                .isInstanceOf(SnapshotFileException.class)
                .hasMessage(file() + ": missing required field 'generated_at'");
    }

    @Test
    void changedFileIsPickedUpBadEditKeepsLastGoodAndIsReportedThenRecovers() throws Exception {
        write(proc(10, "a"));
        try (SnapshotFileSource source = new SnapshotFileSource(file())) {
            assertThat(source.reloadIfChanged()).as("unchanged file is not re-read").isFalse();

            write(proc(10, "a"), proc(11, "new"));
            assertThat(source.reloadIfChanged()).isTrue();
            assertThat(names(source)).containsExactly("a", "new");
            assertThat(source.latest().orElseThrow().sequence()).isEqualTo(2);

            overwrite("{ \"version\": \"1.0\", \"generated_at\": \"x\", \"processes\": [ {\"pid\": -1} ] }");
            assertThat(source.reloadIfChanged()).isFalse();
            assertThat(names(source)).as("last good data kept").containsExactly("a", "new");
            assertThat(source.lastError()).hasValue(file() + ": processes[0]: field 'pid' must be a positive integer, got -1");
            Snapshot failed = source.latest().orElseThrow();
            assertThat(failed.stats().success()).as("consumers (/health) see the failed re-read").isFalse();
            assertThat(failed.stats().error()).isEqualTo(source.lastError().orElseThrow());
            assertThat(failed.sequence()).isEqualTo(3);
            assertThat(source.reloadIfChanged()).as("a broken file is not retried until it changes").isFalse();

            write(proc(12, "fixed"));
            assertThat(source.reloadIfChanged()).isTrue();
            assertThat(names(source)).containsExactly("fixed");
            assertThat(source.lastError()).isEmpty();
            assertThat(source.latest().orElseThrow().sequence()).isEqualTo(4);
            assertThat(source.latest().orElseThrow().stats().success()).isTrue();
            assertThat(source.latest().orElseThrow().stats().failedTicks()).isEqualTo(1);
        }
    }

    @Test
    void deletedFileIsAnErrorAndReappearingFileRecovers() throws Exception {
        write(proc(10, "a"));
        try (SnapshotFileSource source = new SnapshotFileSource(file())) {
            Files.delete(file());
            assertThat(source.reloadIfChanged()).isFalse();
            assertThat(source.lastError()).hasValue(file() + ": file not found");
            assertThat(names(source)).containsExactly("a");

            write(proc(13, "back"));
            assertThat(source.reloadIfChanged()).isTrue();
            assertThat(names(source)).containsExactly("back");
        }
    }

    @Test
    void refreshRereadsEvenWhenUnchanged() throws Exception {
        write(proc(10, "a"));
        try (SnapshotFileSource source = new SnapshotFileSource(file())) {
            assertThat(source.refresh()).isTrue();
            assertThat(source.latest().orElseThrow().sequence()).isEqualTo(2);
        }
    }

    @Test
    void closedSourceKeepsItsSnapshotButCannotPoll() throws Exception {
        write(proc(10, "a"));
        SnapshotFileSource source = new SnapshotFileSource(file());
        source.close();
        source.close();

        assertThat(names(source)).containsExactly("a");
        assertThatThrownBy(() -> source.startPolling(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("closed: " + file());
        assertThatThrownBy(() -> source.startPolling(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transformReclassifiesAndFilters() throws Exception {
        write(proc(10, "postgres"), proc(11, "drop-me"), proc(12, "other"));
        GroupKey db = new GroupKey("db", "postgres");
        try (SnapshotFileSource source = new SnapshotFileSource(file(), p -> p.name().startsWith("drop")
                ? Optional.empty()
                : Optional.of(p.name().equals("postgres") ? p.withGroup(db, "name = postgres") : p))) {
            Snapshot s = source.latest().orElseThrow();
            assertThat(s.processes()).extracting(ProcessSample::name).containsExactly("postgres", "other");
            assertThat(s.processes().get(0).group()).isEqualTo(db);
            assertThat(s.processes().get(1).group()).isEqualTo(GroupKey.OTHER);
            assertThat(s.stats().pidsSeen()).isEqualTo(3);
        }
    }

    @Test
    void failingTransformKeepsLastGoodData() throws Exception {
        write(proc(10, "a"));
        boolean[] explode = {false};
        try (SnapshotFileSource source = new SnapshotFileSource(file(), p -> {
            if (explode[0]) {
                throw new IllegalStateException("boom");
            }
            return Optional.of(p);
        })) {
            explode[0] = true;
            assertThat(source.refresh()).isFalse();
            assertThat(source.lastError()).hasValue(file() + ": processing failed: java.lang.IllegalStateException: boom");
            assertThat(names(source)).containsExactly("a");
        }
    }

    @Test
    void pollerPublishesChangesToListeners() throws Exception {
        write(proc(10, "a"));
        BlockingQueue<Snapshot> seen = new LinkedBlockingQueue<>();
        try (SnapshotFileSource source = new SnapshotFileSource(file())) {
            source.subscribe(seen::add);
            source.startPolling(Duration.ofMillis(20));

            write(proc(10, "a"), proc(14, "polled"));
            Snapshot s = seen.poll(30, TimeUnit.SECONDS);
            assertThat(s).isNotNull();
            assertThat(s.processes()).extracting(ProcessSample::name).containsExactly("a", "polled");

            overwrite("not json");
            // the poller may first catch the file truncated by the rewrite ("empty file"), then its content
            String error = Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(10)).until("the JSON error",
                    () -> source.lastError().filter(e -> !e.contains("empty file")));
            assertThat(error).startsWith(file() + ": not valid JSON at line 1");
            // the error is recorded before the snapshot that marks the failed read is published: wait for it
            Snapshot kept = Poll.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(10)).until("the failed read's snapshot",
                    () -> source.latest().filter(k -> !k.stats().success()));
            assertThat(kept.processes()).as("last good processes kept").isEqualTo(s.processes());

            assertThatThrownBy(() -> source.startPolling(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }
}
