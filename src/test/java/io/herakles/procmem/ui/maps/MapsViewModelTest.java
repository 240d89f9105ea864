package io.herakles.procmem.ui.maps;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.ui.treemap.Rect;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maps and shared-memory view-models and the small treemap's layout, without a window. */
class MapsViewModelTest {

    @Test
    void groupsByPathByDefaultLargestPssFirst() {
        MapsViewModel vm = new MapsViewModel();
        vm.show(TestMaps.jvm(42), "java");
        assertThat(vm.rows()).extracting(MapsRow::name).containsExactly("[anonymous]", "/dev/shm/cache (deleted)",
                "[heap]", "/usr/lib/jvm/lib/server/libjvm.so", "/usr/lib/libc.so.6");
        MapsRow libjvm = vm.rows().get(3);
        assertThat(libjvm.mappings()).isEqualTo(2);
        assertThat(libjvm.sizes().rss()).isEqualTo(12800 * 1024L);
        assertThat(vm.statusProperty().get()).startsWith("java (pid 42): 6 mappings")
                .contains("RSS 45.2 MiB", "PSS 31.2 MiB", "USS 24.2 MiB");
    }

    @Test
    void anUnchangedReadLeavesTheRowsAlone() {
        MapsViewModel vm = new MapsViewModel();
        vm.show(TestMaps.jvm(42), "java");
        MapsRow first = vm.rows().get(0);
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        vm.rows().addListener((javafx.collections.ListChangeListener<MapsRow>) c -> changes.incrementAndGet());
        vm.show(TestMaps.jvm(42), "java");
        assertThat(changes.get()).isZero();
        assertThat(vm.rows().get(0)).isSameAs(first);
        vm.show(ProcessMaps.ok(42, TestMaps.jvm(42).mappings().subList(0, 3)), "java");
        assertThat(changes.get()).isPositive();
    }

    @Test
    void everyMappingByKindAndTheFilter() {
        MapsViewModel vm = new MapsViewModel();
        vm.show(TestMaps.jvm(42), "java");
        vm.groupingProperty().set(MapsListing.MAPPING);
        assertThat(vm.rows()).hasSize(6);
        assertThat(vm.rows().get(0).address()).isEqualTo("1000-2000");
        vm.filterProperty().set("LIBJVM");
        assertThat(vm.rows()).hasSize(2);
        vm.filterProperty().set("shared");
        assertThat(vm.rows()).extracting(MapsRow::kind).containsExactly(MappingKind.SHARED_MEMORY);
        vm.filterProperty().set("");
        vm.groupingProperty().set(MapsListing.KIND);
        assertThat(vm.rows()).extracting(MapsRow::name).containsExactly("[anonymous]", "[shared memory]", "[heap]",
                "[file]");
    }

    @Test
    void unreadableMapsAreAbsentWithTheReason() {
        MapsViewModel vm = new MapsViewModel();
        vm.show(TestMaps.jvm(42), "java");
        vm.show(ProcessMaps.denied(42), "java");
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.mappingsProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("run as root or grant CAP_SYS_PTRACE");
        vm.show(ProcessMaps.gone(43), "gone");
        assertThat(vm.statusProperty().get()).isEqualTo("process 43 is gone");
        vm.showNothing();
        assertThat(vm.statusProperty().get()).isEqualTo(MapsViewModel.NOTHING_SELECTED);
    }

    @Test
    void treemapBoxesKindsThenPathsByPss() {
        List<MapsTreemapLayout.Cell> cells = MapsTreemapLayout.layout(TestMaps.jvm(1).mappings(),
                new Rect(0, 0, 400, 200));
        assertThat(cells.stream().filter(MapsTreemapLayout.Cell::isKind).map(MapsTreemapLayout.Cell::kind))
                .containsExactly(MappingKind.ANONYMOUS, MappingKind.SHARED_MEMORY, MappingKind.HEAP, MappingKind.FILE);
        double total = cells.stream().filter(MapsTreemapLayout.Cell::isKind).mapToDouble(c -> c.rect().area()).sum();
        assertThat(total).isCloseTo(400 * 200, org.assertj.core.data.Offset.offset(1.0));
        MapsTreemapLayout.Cell file = cells.stream().filter(c -> c.isKind() && c.kind() == MappingKind.FILE)
                .findFirst().orElseThrow();
        List<MapsTreemapLayout.Cell> paths = cells.stream().filter(c -> !c.isKind() && c.kind() == MappingKind.FILE)
                .toList();
        assertThat(paths).extracting(MapsTreemapLayout.Cell::name)
                .containsExactly("/usr/lib/jvm/lib/server/libjvm.so", "/usr/lib/libc.so.6");
        assertThat(paths).allMatch(p -> p.rect().x() >= file.rect().x() && p.rect().maxX() <= file.rect().maxX() + 1e-9);
        assertThat(MapsTreemapLayout.layout(List.of(), new Rect(0, 0, 10, 10))).isEmpty();
    }

    @Test
    void sharedMemoryProgressAndReport() {
        SharedMemoryViewModel vm = new SharedMemoryViewModel();
        vm.started();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isNegative();
        vm.progress(50, 200);
        assertThat(vm.progressProperty().get()).isEqualTo(0.25);
        SharedMapping libc = new SharedMapping("/usr/lib/libc.so.6", MappingKind.FILE, 14 << 20, 2 << 20, 0,
                List.of(new SharedMapping.User(1, "bash", 7 << 20, 1 << 20), new SharedMapping.User(2, "sh", 7 << 20,
                        1 << 20)));
        vm.finished(new SharedMemoryReport(List.of(libc), 200, 3, 1, false, Duration.ofMillis(120)));
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).containsExactly(libc);
        assertThat(vm.statusProperty().get()).contains("1 files and segments", "200 processes read in 120 ms",
                "3 not readable (run as root or grant CAP_SYS_PTRACE)", "1 exited");
        vm.finished(new SharedMemoryReport(List.of(), 20, 0, 0, true, Duration.ofMillis(5)));
        assertThat(vm.statusProperty().get()).startsWith("Cancelled");
        assertThat(ScanProgress.NONE.cancelled()).isFalse();
        vm.started();
        vm.failed("boom");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("The scan failed: boom");
    }
}
