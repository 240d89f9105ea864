package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticSnapshotsTest {

    @TempDir
    Path dir;

    @Test
    void hasTheRequestedSizeWithUniquePidsStartingAtInit() {
        Snapshot s = SyntheticSnapshots.generate(5000, 1);

        assertThat(s.processes()).hasSize(5000);
        assertThat(s.processes().stream().map(ProcessSample::pid).distinct()).hasSize(5000);
        assertThat(s.processes().get(0).pid()).isEqualTo(1);
        assertThat(s.processes().get(0).name()).isEqualTo("systemd");
        assertThat(s.processes()).allSatisfy(p -> assertThat(s.byPid(p.ppid()).isPresent() || p.ppid() == 0).isTrue());
    }

    @Test
    void mixesGroupsAndAbsentPssLikeARealMachine() {
        Snapshot s = SyntheticSnapshots.generate(5000, 1);

        Set<String> groups = s.processes().stream().map(p -> p.group().group()).collect(Collectors.toSet());
        assertThat(groups).contains("system", "db", "web", "container", "runtime", "other");
        long absent = s.processes().stream().filter(p -> p.pssBytes().isEmpty()).count();
        assertThat(absent).isBetween(200L, 1500L);
        assertThat(s.processes()).filteredOn(p -> p.pssBytes().isEmpty())
                .allSatisfy(p -> assertThat(p.ussBytes()).isEmpty())
                .allSatisfy(p -> assertThat(p.memory().pssAnon()).isEmpty());
        assertThat(s.processes()).filteredOn(p -> p.pssBytes().isPresent()).allSatisfy(p -> {
            assertThat(p.pssBytes().getAsLong()).isLessThanOrEqualTo(p.rssBytes());
            assertThat(p.ussBytes().getAsLong()).isLessThanOrEqualTo(p.pssBytes().getAsLong());
        });
        assertThat(s.processes()).extracting(ProcessSample::group).contains(GroupKey.OTHER);
        assertThat(s.system().cpuUsageRatio()).containsKeys("cpu", "cpu0", "cpu7");
    }

    @Test
    void deterministicForASeed() {
        assertThat(SyntheticSnapshots.generate(300, 9)).isEqualTo(SyntheticSnapshots.generate(300, 9));
        assertThat(SyntheticSnapshots.generate(300, 9).processes())
                .isNotEqualTo(SyntheticSnapshots.generate(300, 10).processes());
    }

    @Test
    void fiveThousandProcessesRoundTripThroughAFile() throws Exception {
        Snapshot s = SyntheticSnapshots.generate(5000, 2);
        Path file = dir.resolve("big.json");
        SnapshotJsonWriter.writeFile(s, file);

        Snapshot read = SnapshotJsonReader.read(file);
        assertThat(read.processes()).isEqualTo(s.processes());
        assertThat(read.system()).isEqualTo(s.system());
    }
}
