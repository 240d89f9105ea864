package io.herakles.procmem.ui.processes;

import static io.herakles.procmem.ui.common.TestSnapshots.MIB;
import static io.herakles.procmem.ui.common.TestSnapshots.process;
import static io.herakles.procmem.ui.common.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.common.TestSnapshots;
import java.util.Comparator;
import javafx.collections.ListChangeListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Process reconciliation, filtering, sorting and the table's lines, without a window. */
class ProcessTableViewModelTest {

    private final ProcessTableViewModel vm = new ProcessTableViewModel();

    private static List<Integer> pids(List<ProcessRow> rows) {
        return rows.stream().map(ProcessRow::pid).toList();
    }

    @Test
    void theLinesOfSurvivingPidsShowTheirNewValues() {
        vm.apply(TestSnapshots.small(1));
        ProcessRow line = vm.row(101).orElseThrow();
        assertThat(line.ussProperty().get()).isEqualTo(300 * MIB);

        vm.apply(snapshot(2, List.of(
                process(101, "postgres", "db", "postgres", 950, 420, 333),
                process(203, "nginx", "web", "nginx", 60, 30, 20))));

        ProcessEntry postgres = vm.entry(101).orElseThrow();
        assertThat(vm.row(101)).containsSame(line);
        assertThat(line.ussProperty().get()).isEqualTo(333 * MIB);
        assertThat(line.rssProperty().get()).isEqualTo(950 * MIB);
        assertThat(line.pidProperty().get()).isEqualTo(101);
        assertThat(line.sample().ussBytes()).hasValue(333 * MIB);
        assertThat(line.entry()).isSameAs(postgres);
    }

    @Test
    void gonePidsAreRemovedAndNewPidsAdded() {
        vm.apply(TestSnapshots.small(1));
        vm.apply(snapshot(2, List.of(
                process(101, "postgres", "db", "postgres", 900, 400, 300),
                process(999, "redis", "db", "redis", 80, 50, 40))));

        assertThat(vm.allEntries()).extracting(ProcessEntry::pid).containsExactly(101, 999);
        assertThat(vm.row(102)).isEmpty();
        assertThat(pids(vm.shownRows())).containsExactly(101, 999);
        assertThat(vm.groups()).containsExactly("db");
    }

    @Test
    void aRowIsNotFiredAtWhenNothingChanged() {
        vm.apply(TestSnapshots.small(1));
        ProcessRow row = vm.row(102).orElseThrow();
        int[] changes = {0};
        row.ussProperty().addListener((obs, old, now) -> changes[0]++);
        row.nameProperty().addListener((obs, old, now) -> changes[0]++);

        vm.apply(TestSnapshots.small(2));

        assertThat(changes[0]).isZero();
    }

    @Test
    void aReSortMovesProcessesBetweenLinesWithoutChangingTheTablesItems() {
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
        vm.apply(snapshot(1, List.of(
                process(1, "a", "g", "s", 300, 300, 300),
                process(2, "b", "g", "s", 200, 200, 200))));
        List<ProcessRow> lines = List.copyOf(vm.shownRows());
        int[] changes = {0};
        vm.shownRows().addListener((ListChangeListener<ProcessRow>) c -> changes[0]++);
        List<String> firstLineNames = new java.util.ArrayList<>();
        lines.get(0).nameProperty().addListener((obs, old, now) -> firstLineNames.add(now));

        vm.apply(snapshot(2, List.of(
                process(1, "a", "g", "s", 310, 310, 310),
                process(2, "b", "g", "s", 190, 190, 190))));
        assertThat(firstLineNames).as("values moved, order did not").isEmpty();
        assertThat(pids(vm.shownRows())).containsExactly(1, 2);

        vm.apply(snapshot(3, List.of(
                process(1, "a", "g", "s", 100, 100, 100),
                process(2, "b", "g", "s", 190, 190, 190))));
        assertThat(pids(vm.shownRows())).containsExactly(2, 1);
        assertThat(firstLineNames).containsExactly("b");
        assertThat(vm.shownRows()).as("the same line objects, in the same places").containsExactlyElementsOf(lines);
        assertThat(changes[0]).as("no change of the table's items").isZero();
    }

    @Test
    void unreadableValuesStayAbsentNotZero() {
        vm.apply(TestSnapshots.small(1));
        ProcessRow sshd = vm.row(405).orElseThrow();
        assertThat(sshd.ussProperty().get()).isNull();
        assertThat(sshd.pssProperty().get()).isNull();
        assertThat(sshd.rssProperty().get()).isEqualTo(12 * MIB);
    }

    @Test
    void filterTextMatchesEveryField() {
        ProcessSample special = ProcessSample.builder(4242, "worker")
                .cmdline("/opt/app/bin/worker --queue=emails")
                .user("mallory")
                .group(new io.herakles.procmem.model.GroupKey("batch", "mailer"))
                .rssBytes(MIB)
                .build();
        vm.apply(snapshot(1, List.of(special, process(7, "nginx", "web", "nginx", 60, 30, 20))));

        for (String text : List.of("WORKER", "queue=emails", "4242", "mallory", "batch", "mailer", "batch/mail")) {
            vm.filterProperty().set(new ProcessFilter(text, Set.of()));
            assertThat(pids(vm.shownRows())).as("filter %s", text).containsExactly(4242);
        }
        vm.filterProperty().set(new ProcessFilter("  ", Set.of()));
        assertThat(pids(vm.shownRows())).containsExactlyInAnyOrder(4242, 7);
        vm.filterProperty().set(new ProcessFilter("no such thing", Set.of()));
        assertThat(vm.shownRows()).isEmpty();
    }

    @Test
    void aRowThatMatchedOnlyInItsCommandLineSaysSo() {
        ProcessSample sleeper = ProcessSample.builder(11, "sleep").cmdline("sleep 60 # worker pool").rssBytes(MIB).build();
        ProcessSample worker = ProcessSample.builder(12, "worker").cmdline("/opt/worker --queue=mail").rssBytes(MIB).build();
        ProcessSample user = ProcessSample.builder(13, "cron").cmdline("cron -f").user("workerbee").rssBytes(MIB).build();
        vm.apply(snapshot(1, List.of(sleeper, worker, user)));

        vm.filterProperty().set(new ProcessFilter("Worker", Set.of()));

        assertThat(pids(vm.shownRows())).containsExactlyInAnyOrder(11, 12, 13);
        assertThat(vm.row(11).orElseThrow().matchHintProperty().get()).isEqualTo(ProcessFilter.IN_COMMAND_LINE);
        assertThat(vm.row(12).orElseThrow().matchHintProperty().get()).as("the name matched: nothing to explain")
                .isEmpty();
        assertThat(vm.row(13).orElseThrow().matchHintProperty().get()).as("user is a visible column").isEmpty();

        // a process arriving while the filter is set gets its hint too
        ProcessSample late = ProcessSample.builder(14, "python3").cmdline("python3 worker.py").rssBytes(MIB).build();
        vm.apply(snapshot(2, List.of(sleeper, worker, user, late)));
        assertThat(vm.row(14).orElseThrow().matchHintProperty().get()).isEqualTo(ProcessFilter.IN_COMMAND_LINE);

        vm.filterProperty().set(ProcessFilter.NONE);
        assertThat(vm.shownRows()).allSatisfy(r -> assertThat(r.matchHintProperty().get()).isEmpty());
    }

    @Test
    void groupFilterKeepsOnlyCheckedGroupsAndCombinesWithText() {
        vm.apply(TestSnapshots.small(1));
        vm.filterProperty().set(new ProcessFilter("", Set.of("db", "web")));
        assertThat(pids(vm.shownRows())).containsExactlyInAnyOrder(101, 102, 203);
        vm.filterProperty().set(new ProcessFilter("nginx", Set.of("db", "web")));
        assertThat(pids(vm.shownRows())).containsExactly(203);
        vm.filterProperty().set(ProcessFilter.NONE);
        assertThat(vm.shownRows()).hasSize(5);
    }

    @Test
    void filterFollowsARenamedProcess() {
        vm.apply(TestSnapshots.small(1));
        vm.filterProperty().set(new ProcessFilter("renamed", Set.of()));
        assertThat(vm.shownRows()).isEmpty();

        vm.apply(snapshot(2, List.of(process(203, "renamed-nginx", "web", "nginx", 60, 30, 20))));

        assertThat(pids(vm.shownRows())).containsExactly(203);
    }

    @Test
    void newSnapshotsAreSortedByTheTableOrderEvenWhenRowsChangeInPlace() {
        Comparator<ProcessEntry> byUssDesc = Comparator.comparingLong(ProcessEntry::ussKey).reversed();
        vm.apply(TestSnapshots.small(1));
        vm.setOrder(byUssDesc);
        assertThat(pids(vm.shownRows())).containsExactly(102, 304, 101, 203, 405);

        // nginx grows past everything: its row changes in place, and the order must follow
        vm.apply(snapshot(2, List.of(
                process(101, "postgres", "db", "postgres", 900, 400, 300),
                process(102, "postgres", "db", "postgres", 2048, 1500, 1200),
                process(203, "nginx", "web", "nginx", 6000, 5000, 4000),
                TestSnapshots.rootDaemon(405))));

        assertThat(pids(vm.shownRows())).containsExactly(203, 102, 101, 405);
    }

    @Test
    void withoutATableOrderRowsAreByPid() {
        vm.apply(snapshot(1, List.of(process(30, "c", "a", "a", 1, 1, 1), process(10, "a", "a", "a", 1, 1, 1))));
        vm.apply(snapshot(2, List.of(process(30, "c", "a", "a", 1, 1, 1), process(10, "a", "a", "a", 1, 1, 1),
                process(20, "b", "a", "a", 1, 1, 1))));
        vm.setOrder(null);
        assertThat(pids(vm.shownRows())).containsExactly(10, 20, 30);
    }

    @Test
    void textComparatorOrdersCaseInsensitivelyThenExactly() {
        List<String> names = new java.util.ArrayList<>(List.of("nginx", "Bash", "apache", "bash"));
        names.sort(ProcessComparators.TEXT);
        assertThat(names).containsExactly("apache", "Bash", "bash", "nginx");
    }

    @Test
    void clearForgetsEveryRow() {
        vm.apply(TestSnapshots.small(1));
        vm.clear();
        assertThat(vm.allEntries()).isEmpty();
        assertThat(vm.shownRows()).isEmpty();
        assertThat(vm.row(101)).isEmpty();
    }

    @Test
    void rowsAreBoundedByTheShownSnapshotAndLeftProcessesAreDropped() {
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
        for (int tick = 0; tick < 12; tick++) { // 1% of pids replaced per tick: 600 processes come and go
            vm.apply(TestSnapshots.generated(5000, tick));
            assertThat(vm.allEntries()).hasSize(5000);
            assertThat(vm.shownRows()).hasSize(5000);
        }
        int left = TestSnapshots.generated(5000, 0).processes().get(0).pid();

        assertThat(vm.row(left)).as("a process that left has no row").isEmpty();
        assertThat(vm.entry(left)).isEmpty();
        assertThat(vm.shownRows()).extracting(r -> r.entry().ussKey()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pids(vm.shownRows())).doesNotHaveDuplicates();
    }

    @Test
    void linesComeAndGoAtTheEndOnlyWhenTheNumberOfShownProcessesChanges() {
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
        vm.apply(TestSnapshots.generated(300, 0));
        List<ProcessRow> before = List.copyOf(vm.shownRows());
        List<String> changes = new java.util.ArrayList<>();
        vm.shownRows().addListener((ListChangeListener<ProcessRow>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "") + (c.wasRemoved() ? "-" : "") + c.getFrom()
                        + (c.wasPermutated() ? " permutation" : ""));
            }
        });

        for (int tick = 1; tick < 5; tick++) { // every memory value redrawn: a different order each tick
            vm.apply(TestSnapshots.generated(300, tick, true));
        }
        assertThat(changes).as("as many processes each tick: the same lines").isEmpty();
        assertThat(vm.shownRows()).containsExactlyElementsOf(before);

        vm.filterProperty().set(new ProcessFilter("", Set.of(vm.groups().get(0))));
        int shown = vm.shownRows().size();
        assertThat(shown).isLessThan(300);
        assertThat(changes).containsExactly("-" + shown);
        assertThat(vm.shownRows()).containsExactlyElementsOf(before.subList(0, shown));

        vm.filterProperty().set(ProcessFilter.NONE);
        assertThat(changes).containsExactly("-" + shown, "+" + shown);
        assertThat(vm.shownRows().subList(0, shown)).containsExactlyElementsOf(before.subList(0, shown));
        assertThat(vm.shownRows()).extracting(r -> r.entry().ussKey()).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(pids(vm.shownRows())).doesNotHaveDuplicates().hasSize(300);
    }

    @Test
    void aListingMadeOnAnotherThreadIsShownAsMadeAndSortedAgainWhenTheOrderChangedMeanwhile() throws Exception {
        Comparator<ProcessEntry> byUssDesc = Comparator.comparingLong(ProcessEntry::ussKey).reversed();
        vm.setOrder(byUssDesc);
        vm.filterProperty().set(new ProcessFilter("", Set.of("db", "desktop")));
        ProcessListing.Preparer preparer = vm.listingPreparer();
        var snapshot = TestSnapshots.small(1);
        ProcessListing listing = CompletableFuture.supplyAsync(() -> preparer.prepare(snapshot)).get(60, TimeUnit.SECONDS);

        vm.offer(listing);
        vm.apply(snapshot);
        assertThat(vm.allEntries()).as("the listing is used, not made again").isSameAs(listing.all());
        assertThat(pids(vm.shownRows())).containsExactly(102, 304, 101);

        var next = TestSnapshots.small(2);
        ProcessListing stale = CompletableFuture.supplyAsync(() -> preparer.prepare(next)).get(60, TimeUnit.SECONDS);
        vm.setOrder(null); // the user sorts by pid while the listing is being made
        vm.offer(stale);
        vm.apply(next);
        assertThat(pids(vm.shownRows())).containsExactly(101, 102, 304);

        vm.offer(stale); // a listing of another snapshot is not used
        vm.apply(snapshot(3, List.of(process(7, "x", "db", "db", 1, 1, 1))));
        assertThat(pids(vm.shownRows())).containsExactly(7);
    }

    @Test
    void aRefreshLooksOnlyAtTheLinesSomeoneListensTo() {
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
        vm.apply(TestSnapshots.generated(2000, 0, true));
        List<ProcessRow> lines = List.copyOf(vm.shownRows());
        List<Long> seenOnLine3 = new java.util.ArrayList<>();
        lines.get(3).ussProperty().addListener((obs, old, now) -> seenOnLine3.add(now));
        for (ProcessRow line : lines) {
            line.nameProperty().get(); // read once, as a cell scrolled past would, and not listened to
        }
        assertThat(vm.watchedLineCount()).isEqualTo(2000);

        vm.apply(TestSnapshots.generated(2000, 1, true));

        assertThat(vm.watchedLineCount()).as("only the listened-to line is looked at after a refresh").isEqualTo(1);
        assertThat(seenOnLine3).containsExactly(vm.shownRows().get(3).entry().ussKey());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).nameProperty().get()).as("line %d reads its new process", i)
                    .isEqualTo(vm.shownRows().get(i).entry().name());
        }
    }

    @Test
    void aLineThatGetsAnotherProcessFiresOnlyTheValuesThatDiffer() {
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
        vm.apply(snapshot(1, List.of(
                process(1, "worker", "g", "s", 300, 300, 300),
                process(2, "worker", "g", "s", 200, 200, 200))));
        ProcessRow first = vm.shownRows().get(0);
        List<String> fired = new java.util.ArrayList<>();
        // invalidation, not change, listeners: an invalidated cell is updated and laid out even
        // when its text turns out the same
        java.util.Map<String, javafx.beans.binding.ObjectBinding<?>> values = java.util.Map.of("pid",
                first.pidProperty(), "name", first.nameProperty(), "user", first.userProperty(), "group",
                first.groupProperty(), "uss", first.ussProperty());
        values.forEach((label, value) -> {
            value.get();
            value.addListener((javafx.beans.InvalidationListener) obs -> fired.add(label));
        });

        vm.apply(snapshot(2, List.of(
                process(1, "worker", "g", "s", 100, 100, 100),
                process(2, "worker", "g", "s", 200, 200, 200))));

        assertThat(first.pid()).isEqualTo(2);
        assertThat(fired).containsExactlyInAnyOrder("pid", "uss");
    }
}
