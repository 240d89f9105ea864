package io.herakles.procmem.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.maps.MapsStatus;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import org.junit.jupiter.api.Test;

/** The on-demand maps service on the live /proc of this JVM. */
class MemoryMapsTest {

    private final MemoryMaps maps = new MemoryMaps(ExporterConfig.defaults());

    @Test
    void readsThisJvmsMapsAndName() {
        int self = (int) ProcessHandle.current().pid();
        ProcessMaps mine = maps.of(self);
        assertThat(mine.status()).isEqualTo(MapsStatus.OK);
        assertThat(mine.mappings()).anyMatch(m -> m.path().endsWith("libjvm.so"));
        assertThat(maps.name(self)).hasValue("java");
    }

    @Test
    void scansEveryProcess() {
        SharedMemoryReport report = maps.shared(ScanProgress.NONE);
        assertThat(report.scanned()).isPositive();
        assertThat(report.cancelled()).isFalse();
    }
}
