package io.herakles.procmem.ui.charts;

import static io.herakles.procmem.ui.treemap.TestSnapshots.process;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeaderFiguresTest {

    private static final long GIB = 1L << 30;

    @Test
    void memoryCpuTopAndReadableCounts() {
        SystemSample system = new SystemSample(OptionalLong.of(16 * GIB), OptionalLong.of(4 * GIB),
                OptionalLong.empty(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Map.of("cpu", 0.25, "cpu0", 0.5), 1);
        Snapshot s = new Snapshot(1, Instant.EPOCH, "test", List.of(
                process(1, "a", "b", 5 * GIB, null, null),
                process(2, "a", "b", GIB, GIB, GIB / 2),
                process(3, "a", "b", 2 * GIB, 2 * GIB, GIB),
                process(4, "a", "b", GIB, null, 3 * GIB)), system, CollectionStats.NONE);

        HeaderFigures uss = HeaderFigures.of(s, MemoryMetric.USS, 2);

        assertThat(uss.memoryUsedPercent().getAsDouble()).isCloseTo(75, within(1e-9));
        assertThat(uss.memoryText()).isEqualTo("12.0 GiB of 16.0 GiB used");
        assertThat(uss.cpuPercent().getAsDouble()).isCloseTo(25, within(1e-9));
        assertThat(uss.top()).extracting(HeaderFigures.TopEntry::pid).containsExactly(4, 3);
        assertThat(uss.top().get(0).label()).isEqualTo("proc4 (4)");
        assertThat(uss.processes()).isEqualTo(4);
        assertThat(uss.readable()).isEqualTo(3);
        assertThat(uss.readableText()).isEqualTo("3 of 4 user processes readable");

        assertThat(HeaderFigures.of(s, MemoryMetric.RSS, 10).top()).extracting(HeaderFigures.TopEntry::pid)
                .containsExactly(1, 3, 2, 4);
        assertThat(uss.oneLine()).isEqualTo("Memory 75.0 % (12.0 GiB of 16.0 GiB used) \u00b7 CPU 25.0 % of its one core"
                + " \u00b7 Top USS: proc4 (4) 3.00 GiB \u00b7 4 processes");
    }

    @Test
    void theOneLineSaysNotAvailableForWhatTheSnapshotLacks() {
        Snapshot s = new Snapshot(1, Instant.EPOCH, "test", List.of(process(1, "a", "b", GIB, null, null)),
                SystemSample.UNKNOWN, CollectionStats.NONE);

        assertThat(HeaderFigures.of(s, MemoryMetric.USS, 5).oneLine())
                .isEqualTo("Memory n/a \u00b7 CPU n/a \u00b7 1 process");
    }

    @Test
    void kernelThreadsAreCountedApartFromUserProcesses() {
        List<ProcessSample> processes = new ArrayList<>();
        processes.add(kernelThread(2, 0)); // kthreadd
        for (int pid = 3; pid < 63; pid++) {
            processes.add(kernelThread(pid, 2));
        }
        for (int pid = 100; pid < 156; pid++) {
            processes.add(process(pid, "a", "b", GIB, GIB, GIB));
        }
        Snapshot s = new Snapshot(1, Instant.EPOCH, "test", processes, SystemSample.UNKNOWN, CollectionStats.NONE);

        HeaderFigures f = HeaderFigures.of(s, MemoryMetric.USS, 5);

        assertThat(f.kernelThreads()).isEqualTo(61);
        assertThat(f.readableText()).isEqualTo("all 56 user processes readable \u00b7 61 kernel threads");
        assertThat(process(7, "a", "b", GIB, null, null).isKernelThread()).isFalse();
    }

    /** As the collector sees one: no command line, no resident memory, PSS/USS absent. */
    private static ProcessSample kernelThread(int pid, int ppid) {
        return ProcessSample.builder(pid, "kworker/" + pid).ppid(ppid).cmdline("").user("root").rssBytes(0).build();
    }

    @Test
    void unknownSystemFiguresAreAbsent() {
        Snapshot s = new Snapshot(1, Instant.EPOCH, "test", List.of(), SystemSample.UNKNOWN, CollectionStats.NONE);

        HeaderFigures f = HeaderFigures.of(s, MemoryMetric.PSS, 5);

        assertThat(f.memoryUsedPercent()).isEmpty();
        assertThat(f.memoryText()).isEqualTo("\u2014");
        assertThat(f.cpuPercent()).isEmpty();
        assertThat(f.top()).isEmpty();
    }

    @Test
    void topKeepsTheLargestInOrderAmongManyWithTiesByPid() {
        Random random = new Random(7);
        List<ProcessSample> many = new ArrayList<>();
        for (int pid = 1; pid <= 500; pid++) {
            Long uss = pid % 7 == 0 ? null : (long) random.nextInt(50) * GIB; // ties and absent values
            many.add(process(pid, "a", "b", GIB, null, uss));
        }
        List<Integer> expected = many.stream().filter(p -> p.ussBytes().isPresent())
                .sorted(Comparator.comparingLong((ProcessSample p) ->
                        p.ussBytes().getAsLong()).reversed().thenComparingInt(ProcessSample::pid))
                .limit(5).map(ProcessSample::pid).toList();

        assertThat(HeaderFigures.top(many, MemoryMetric.USS, 5)).extracting(HeaderFigures.TopEntry::pid)
                .containsExactlyElementsOf(expected);
        assertThat(HeaderFigures.top(many, MemoryMetric.USS, 0)).isEmpty();
    }
}
