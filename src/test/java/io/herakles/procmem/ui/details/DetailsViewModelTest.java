package io.herakles.procmem.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.treemap.TestSnapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetailsViewModelTest {

    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    private final DetailsViewModel vm = new DetailsViewModel(ZoneOffset.UTC);

    @Test
    void showsIdentityClassificationAndFigures() {
        ProcessSample p = ProcessSample.builder(4242, "postgres")
                .ppid(1).uid(70).user("postgres").state('S').threads(9).startTime(START)
                .cmdline("postgres -D /var/lib/postgresql").rssBytes(3L << 30).pssBytes(2L << 30)
                .cpuPercent(7.25).cpuTimeSeconds(3725)
                .group(new GroupKey("db", "postgres")).matchedRule("name = postgres").build();
        ProcessHistory history = new ProcessHistory();
        history.record(TestSnapshots.snapshot(1, START.plusSeconds(90), List.of(p)));

        vm.show(p, history);

        assertThat(vm.titleProperty().get()).isEqualTo("postgres (pid 4242)");
        Map<String, String> identity = asMap(vm.identityProperty().get());
        assertThat(identity).containsEntry("User", "postgres (70)")
                .containsEntry("Parent PID", "1")
                .containsEntry("Started", "2026-01-02 03:04:05 (1m 30s ago)")
                .containsEntry("Command line", "postgres -D /var/lib/postgresql")
                .containsEntry("Group", "db/postgres")
                .containsEntry("Matched rule", "name = postgres");
        Map<String, String> figures = asMap(vm.memoryProperty().get());
        assertThat(figures).containsEntry("RSS", "3.00 GiB").containsEntry("PSS", "2.00 GiB")
                .containsEntry("USS", "\u2014").containsEntry("CPU (% of one core)", "7.3 %")
                .containsEntry("CPU time", "1:02:05");
        assertThat(vm.memoryProperty().get()).filteredOn(r -> r.label().equals("PSS")).singleElement()
                .extracting(DetailRow::help).asString().startsWith("Proportional set size");
        assertThat(vm.historyProperty().get()).hasSize(1);
    }

    @Test
    void unreadableValuesShowAsDash() {
        ProcessSample p = ProcessSample.builder(1, "mystery").build();

        vm.show(p, null);

        Map<String, String> identity = asMap(vm.identityProperty().get());
        assertThat(identity).containsEntry("User", "\u2014").containsEntry("Started", "\u2014")
                .containsEntry("Command line", "\u2014").containsEntry("Matched rule", "none (unclassified)");
        assertThat(vm.breakdownProperty().get()).extracting(DetailRow::value).containsOnly("\u2014");
        assertThat(vm.historyProperty().get()).isEmpty();
    }

    @Test
    void aProcessWithoutPssUssSaysWhyForWhereItsSnapshotCameFrom() {
        ProcessSample other = ProcessSample.builder(7, "postgres").ppid(1).user("postgres-not-me").state('S')
                .cmdline("postgres").rssBytes(1 << 20).build();

        vm.setPssUssSource(PssUssReason.Source.THIS_MACHINE_OWN);
        vm.show(other, null);
        assertThat(asMap(vm.memoryProperty().get())).containsEntry("PSS", "\u2014")
                .containsEntry(PssUssReason.LABEL, PssUssReason.notOwner("postgres-not-me"));

        vm.setPssUssSource(PssUssReason.Source.FILE);
        vm.show(other, null);
        assertThat(asMap(vm.memoryProperty().get())).containsEntry(PssUssReason.LABEL, PssUssReason.FILE);

        vm.show(ProcessSample.builder(7, "postgres").user("postgres").pssBytes(1).build(), null);
        assertThat(asMap(vm.memoryProperty().get())).doesNotContainKey(PssUssReason.LABEL);
    }

    @Test
    void breakdownShowsKnownParts() {
        MemoryBreakdown m = MemoryBreakdown.UNKNOWN.withStatus(OptionalLong.of(1 << 20), OptionalLong.of(2 << 20),
                OptionalLong.empty(), OptionalLong.of(0));
        ProcessSample p = ProcessSample.builder(1, "x").memory(m).build();

        vm.show(p, null);

        assertThat(asMap(vm.breakdownProperty().get()))
                .containsEntry("Anonymous (RSS)", "1.00 MiB").containsEntry("File-backed (RSS)", "2.00 MiB")
                .containsEntry("Shared memory (RSS)", "\u2014").containsEntry("Swap", "0 B");
        assertThat(vm.partsProperty().get()).isEqualTo(m);
    }

    @Test
    void aSnapshotFileSaysItHasNoHistoryInsteadOfCollecting() {
        ProcessSample p = ProcessSample.builder(7, "batch").rssBytes(1 << 20).build();
        ProcessHistory history = new ProcessHistory();
        history.record(TestSnapshots.snapshot(1, START, List.of(p)));

        vm.show(p, history);
        assertThat(vm.historyNoteProperty().get()).as("live, one point so far").startsWith("Collecting history");

        vm.setFromFile(true);
        vm.show(p, history);
        assertThat(vm.historyNoteProperty().get()).isEqualTo(DetailsViewModel.NO_HISTORY_IN_FILE)
                .doesNotContain("Collecting");
        assertThat(vm.historyProperty().get()).as("the file's values are still there for the legend").hasSize(1);

        history.record(TestSnapshots.snapshot(2, START.plusSeconds(1), List.of(p)));
        vm.setFromFile(false);
        vm.show(p, history);
        assertThat(vm.historyNoteProperty().get()).as("two points: a chart, no note").isEmpty();
    }

    @Test
    void nullClearsEverything() {
        vm.show(ProcessSample.builder(1, "x").build(), null);
        vm.show(null, null);

        assertThat(vm.titleProperty().get()).isEqualTo("No process selected");
        assertThat(vm.identityProperty().get()).isEmpty();
        assertThat(vm.memoryProperty().get()).isEmpty();
    }

    private static Map<String, String> asMap(List<DetailRow> rows) {
        return rows.stream().collect(Collectors.toMap(DetailRow::label, DetailRow::value));
    }
}
