package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live history: every live snapshot on the timeline, bounded on disk, gone when the app closes. */
class SessionHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path dir;

    private static Snapshot sample(int i, int processes) {
        Snapshot s = SyntheticSnapshots.generate(processes, 5 + i);
        return new Snapshot(i, T0.plusSeconds(2L * i), "/proc", s.processes(), s.system(), s.stats());
    }

    private static void waitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Publishes samples {@code from}..{@code to - 1}, each once the one before is written (as a 2 s tick would). */
    private static void publishAndWait(SnapshotPublisher live, SessionHistory history, int from, int to, int processes)
            throws InterruptedException {
        for (int i = from; i < to; i++) {
            live.publish(sample(i, processes));
            int written = i + 1;
            waitUntil(() -> history.samples() >= written);
        }
    }

    @Test
    void everyLiveSnapshotIsOnTheTimelineAndTheFileGoesWithTheApp() throws Exception {
        SnapshotPublisher live = new SnapshotPublisher();
        SessionHistory history = SessionHistory.start(live, Duration.ofSeconds(2), dir, 1L << 30).orElseThrow();
        assertThatThrownBy(history::open).hasMessageContaining("no live snapshot has been recorded yet");

        publishAndWait(live, history, 0, 5, 40);
        OpenedFile opened = history.open();
        assertThat(opened.note()).isEmpty();
        List<Snapshot> samples = opened.samples();
        assertThat(samples).hasSize(5);
        assertThat(samples.get(4).takenAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(samples.get(4).processes()).hasSameSizeAs(sample(4, 40).processes());

        // later snapshots reach a history opened again
        publishAndWait(live, history, 5, 6, 40);
        assertThat(history.open().samples()).hasSize(6);

        Path file = history.file();
        assertThat(file).exists().hasParent(dir);
        history.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void theHistoryIsBoundedOnDiskKeepingTheRunsStart() throws Exception {
        SnapshotPublisher live = new SnapshotPublisher();
        SessionHistory history = SessionHistory.start(live, Duration.ofSeconds(2), dir, 64 * 1024).orElseThrow();
        for (int i = 0; i < 40; i++) {
            live.publish(sample(i, 60));
            int n = i;
            // written, and thinned back under the bound (the recorder thins right after each append)
            waitUntil(() -> lastTime(history).equals(T0.plusSeconds(2L * n)) && sizeOf(history.file()) <= 64 * 1024);
        }
        assertThat(Files.size(history.file())).isLessThanOrEqualTo(64 * 1024);
        List<Snapshot> samples = history.open().samples();
        assertThat(samples.size()).isBetween(2, 39);
        assertThat(samples.get(0).takenAt()).as("the run's start stays").isEqualTo(T0);
        history.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Instant lastTime(SessionHistory history) {
        try {
            List<Snapshot> samples = history.open().samples();
            return samples.get(samples.size() - 1).takenAt();
        } catch (Exception e) {
            return Instant.EPOCH;
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenMeansNoHistoryNotAFailure() {
        assertThat(SessionHistory.start(new SnapshotPublisher(), Duration.ofSeconds(2), dir.resolve("missing"),
                1L << 20)).isEmpty();
    }
}
