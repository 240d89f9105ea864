package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The recorded files under {@code src/test/resources/snapshots/} that UI tests replay. */
class RecordedSnapshotsTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RecordedSnapshotsTest.class.getResource("/snapshots/" + name).toURI());
    }

    @Test
    void upstreamsExampleFromSection8Loads() throws Exception {
        Snapshot s = SnapshotJsonReader.read(resource("upstream-example.json"));

        assertThat(s.takenAt()).isEqualTo(Instant.parse("2025-12-01T10:00:00Z"));
        assertThat(s.source()).isEqualTo("file: upstream-example.json");
        assertThat(s.system()).isEqualTo(SystemSample.UNKNOWN);
        assertThat(s.processes()).hasSize(2);
        ProcessSample postgres = s.processes().get(0);
        assertThat(postgres.pid()).isEqualTo(1000);
        assertThat(postgres.name()).isEqualTo("postgres");
        assertThat(postgres.group()).isEqualTo(new GroupKey("db", "postgres"));
        assertThat(postgres.rssBytes()).isEqualTo(536_870_912L);
        assertThat(postgres.pssBytes()).hasValue(469_762_048L);
        assertThat(postgres.ussBytes()).hasValue(402_653_184L);
        assertThat(postgres.cpuPercent()).isEqualTo(2.5);
        assertThat(postgres.cpuTimeSeconds()).isEqualTo(1234.5);
        // fields upstream does not have are unknown
        assertThat(postgres.uid()).isEqualTo(-1);
        assertThat(postgres.state()).isEqualTo('?');
        assertThat(postgres.startTime()).isNull();
        assertThat(postgres.cmdline()).isEmpty();
        assertThat(s.processes().get(1).group()).isEqualTo(GroupKey.OTHER);
    }

    @Test
    void desktopSnapshotHasGroupsAbsentValuesAndAwkwardNames() throws Exception {
        Snapshot s = SnapshotJsonReader.read(resource("desktop-33.json"));

        assertThat(s.processes()).hasSize(33);
        assertThat(s.processes().stream().map(p -> p.group().group()).collect(Collectors.toSet()))
                .contains("system", "container", "db", "web", "cache", "monitoring", "runtime", "other");
        assertThat(s.processes()).filteredOn(p -> p.pssBytes().isEmpty()).hasSize(20)
                .allSatisfy(p -> assertThat(p.ussBytes()).isEmpty());
        assertThat(s.processes()).extracting(ProcessSample::name).contains("weird (name) S 1", "défunct ✓");
        assertThat(s.byPid(1422)).hasValueSatisfying(p -> assertThat(p.group()).isEqualTo(new GroupKey("web", "tomcat")));
        assertThat(s.system().memTotalBytes()).hasValue(16L << 30);
        assertThat(s.system().cpuCount()).isEqualTo(4);
    }

    @Test
    void desktopSnapshotIsExactlyWhatTheWriterProduces() throws Exception {
        Path file = resource("desktop-33.json");
        Snapshot s = SnapshotJsonReader.read(file);
        Snapshot asRecorded = new Snapshot(0, s.takenAt(), "/proc", s.processes(), s.system(), s.stats());

        assertThat(Samples.toJson(asRecorded)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
