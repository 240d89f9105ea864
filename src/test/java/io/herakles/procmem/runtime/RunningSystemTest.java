package io.herakles.procmem.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SystemSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningSystemTest {

    @TempDir
    Path dir;

    @Test
    void awaitFirstSnapshotReturnsOnceTheSourceHasPublished() throws Exception {
        SnapshotPublisher publisher = new SnapshotPublisher();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> publisher.publish(snapshot()), 100, TimeUnit.MILLISECONDS);
            assertThat(RunningSystem.awaitFirstSnapshot(publisher, Duration.ofSeconds(60))).isTrue();
            assertThat(publisher.latest()).isPresent();
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void awaitFirstSnapshotGivesUpWhenNothingIsPublished() {
        assertThat(RunningSystem.awaitFirstSnapshot(new SnapshotPublisher(), Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aProcfsWithoutStatIsRefusedInOneLine() throws Exception {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.procfs(dir.toString());
        ExporterConfig config = b.build();
        assertThatThrownBy(() -> RunningSystem.startLive(config, Rules.showingProblems(), Duration.ofSeconds(1)))
                .isInstanceOf(StartupException.class)
                .hasMessage("procfs " + dir + " is not a proc filesystem (no " + dir.resolve("stat") + ")");
        Files.writeString(dir.resolve("stat"), "cpu 1 2 3 4\n");
        try (RunningSystem system = RunningSystem.startLive(config, Rules.showingProblems(), Duration.ofHours(1))) {
            assertThat(system.live()).isPresent();
            assertThat(system.awaitFirstSnapshot(Duration.ofSeconds(60))).isTrue();
        }
    }

    private static Snapshot snapshot() {
        return new Snapshot(1, Instant.now(), "/proc", List.of(), SystemSample.UNKNOWN, CollectionStats.NONE);
    }
}
