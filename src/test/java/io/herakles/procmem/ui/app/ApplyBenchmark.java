package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTableView;
import io.herakles.procmem.ui.processes.ProcessTableViewModel;
import io.herakles.procmem.ui.processes.ProcessTarget;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Benchmark (not a test): how long the FX thread spends applying one 5,000-process snapshot to the
 * whole window — store, table reconcile + re-sort (sorted by USS descending, one row selected),
 * treemap, header tiles, CPU chart, details — and then the CSS + layout pass that follows.
 * Target: median apply under 16 ms (one frame at 60 Hz). Snapshots are generated beforehand
 * (about 1% of pids replaced per tick, every CPU value and a fifth of the memory values changed;
 * {@code -Dbench.reshuffle=true} redraws every memory value, the worst case for re-sorting), so
 * generation is not timed. Reports FX-thread CPU time (stable on a loaded machine) and wall time.
 *
 * <p>Live snapshots are prepared off the FX thread (treemap hierarchy and layout, header figures,
 * group CPU: {@link SnapshotPreparer}); the benchmark prepares each on its own thread, reports
 * that time separately, and times the FX thread applying the result. For comparison it also times
 * the FX thread doing everything, as for a snapshot file.
 *
 * <p>Run (headless Monocle by default; add {@code -Dbench.display=true} to use a real display):
 * <pre>
 * mvn -B -q -o test-compile org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
 *     -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/bench-classpath.txt) \
 *     [-Dbench.processes=5000 -Dbench.ticks=200 -Dbench.reshuffle=true] io.herakles.procmem.ui.app.ApplyBenchmark
 * </pre>
 */
public final class ApplyBenchmark {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ApplyBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!Boolean.getBoolean("bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        int processes = Integer.getInteger("bench.processes", 5000);
        int ticks = Integer.getInteger("bench.ticks", 200);
        boolean reshuffle = Boolean.getBoolean("bench.reshuffle");
        int warmup = Math.max(20, ticks / 4);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            snapshots.add(TestSnapshots.generated(processes, t, reshuffle));
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        MainWindow window = onFx(() -> {
            MainWindow w = new MainWindow(new IdleServices(), new FakeDialogs(), FxExecutor.direct());
            w.show(new Stage());
            return w;
        });
        onFx(() -> {
            window.store().offerLive(snapshots.get(0));
            TableView<ProcessRow> table = window.tableView().table();
            TableColumn<ProcessRow, ?> uss = table.getColumns().stream()
                    .filter(c -> "uss".equals(c.getId())).findFirst().orElseThrow();
            uss.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(uss));
            table.getSelectionModel().select(10);
            return null;
        });

        long[] prepareCpu = new long[ticks];
        long[][] prepared = new long[4][ticks];
        long[][] unprepared = new long[4][ticks];
        run(window, snapshots, ticks, warmup, prepareCpu, prepared, unprepared);
        System.out.printf(Locale.ROOT, "processes=%d ticks=%d (after %d warm-up), memory values %s%n", processes,
                ticks, warmup, reshuffle ? "reshuffled every tick (worst case)" : "drifting (±3%, a fifth per tick)");
        System.out.println("\"ui-prepare\" thread CPU time (off the FX thread: treemap hierarchy + layout, header, group CPU):");
        report("  prepare", prepareCpu);
        System.out.println("FX thread CPU time, applying a prepared snapshot (what the live window does):");
        report("  apply (store, table, treemap, tiles, chart, details)", prepared[2]);
        report("  apply + CSS + layout", prepared[3]);
        System.out.println("FX thread CPU time, everything on the FX thread (a snapshot file; before the preparer):");
        report("  apply (store, table, treemap, tiles, chart, details)", unprepared[2]);
        report("  apply + CSS + layout", unprepared[3]);
        System.out.println("wall time, prepared (includes waiting for a core when the machine is busy):");
        report("  apply (store, table, treemap, tiles, chart, details)", prepared[0]);
        report("  apply + CSS + layout", prepared[1]);
        System.out.println("FX thread CPU time:");
        report("  of which the table view-model alone (reconcile + re-sort)", onFx(() -> timeTableOnly(snapshots, ticks, warmup)));
        long[][] tableView = onFx(() -> timeTableViewOnly(snapshots, ticks, warmup));
        report("  the table view alone, own window: apply", tableView[0]);
        report("  the table view alone, own window: apply + CSS + layout", tableView[1]);
        Platform.exit();
    }

    /** FX-thread CPU nanoseconds {apply, apply + CSS + layout} of a process table alone in a window. */
    private static long[][] timeTableViewOnly(List<Snapshot> snapshots, int ticks, int warmup) {
        SnapshotStore store = new SnapshotStore(FxExecutor.direct());
        ProcessTableView view = new ProcessTableView(new ProcessTableViewModel(), store);
        Stage stage = new Stage();
        Scene scene = new Scene(view, 800, 700);
        scene.getStylesheets().add(ApplyBenchmark.class.getResource(MainWindow.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        store.offerLive(snapshots.get(0));
        view.table().getSelectionModel().select(10);
        long[][] cpu = new long[2][ticks];
        for (int i = -warmup; i < ticks; i++) {
            long c0 = CPU.getCurrentThreadCpuTime();
            store.offerLive(snapshots.get(Math.floorMod(i, snapshots.size())));
            long c1 = CPU.getCurrentThreadCpuTime();
            view.applyCss();
            view.layout();
            long c2 = CPU.getCurrentThreadCpuTime();
            if (i >= 0) {
                cpu[0][i] = c1 - c0;
                cpu[1][i] = c2 - c0;
            }
        }
        stage.hide();
        return cpu;
    }

    /** FX-thread CPU nanoseconds of {@link ProcessTableViewModel#apply} alone, sorted by USS descending. */
    private static long[] timeTableOnly(List<Snapshot> snapshots, int ticks, int warmup) {
        ProcessTableViewModel vm = new ProcessTableViewModel();
        vm.setOrder(Comparator.comparingLong((ProcessRow r) -> r.ussProperty().get() == null ? -1 : r.ussProperty().get())
                .reversed());
        long[] cpu = new long[ticks];
        for (int i = -warmup; i < ticks; i++) {
            Snapshot next = snapshots.get(Math.floorMod(i, snapshots.size()));
            long c0 = CPU.getCurrentThreadCpuTime();
            vm.apply(next);
            if (i >= 0) {
                cpu[i] = CPU.getCurrentThreadCpuTime() - c0;
            }
        }
        return cpu;
    }

    /**
     * Applies 2 × {@code ticks} snapshots (after warm-up), alternating: even ticks are prepared on
     * this (non-FX) thread first, their CPU time put in {@code prepareCpu}, and the FX thread
     * applies the result as the live window does; odd ticks the FX thread does all the work (as for
     * a snapshot file). Alternating keeps JIT warm-up and the growth of histories and charts from
     * favouring either. Fills {@code prepared} and {@code unprepared} with per-tick nanoseconds:
     * {apply, apply + css + layout} wall time, then the same in FX-thread CPU time.
     */
    private static void run(MainWindow window, List<Snapshot> snapshots, int ticks, int warmup, long[] prepareCpu,
            long[][] prepared, long[][] unprepared) throws Exception {
        for (int i = -2 * warmup; i < 2 * ticks; i++) {
            Snapshot next = snapshots.get(Math.floorMod(i, snapshots.size()));
            boolean prepare = Math.floorMod(i, 2) == 0;
            long[] one;
            if (prepare) {
                long c0 = CPU.getCurrentThreadCpuTime();
                PreparedSnapshot ready = window.prepare(next);
                long c1 = CPU.getCurrentThreadCpuTime();
                if (i >= 0) {
                    prepareCpu[i / 2] = c1 - c0;
                }
                one = onFx(() -> timeOneApply(window, () -> window.applyPrepared(ready)));
            } else {
                one = onFx(() -> timeOneApply(window, () -> window.store().offerLive(next)));
            }
            if (i >= 0) {
                long[][] into = prepare ? prepared : unprepared;
                for (int k = 0; k < 4; k++) {
                    into[k][i / 2] = one[k];
                }
            }
        }
    }

    /** Nanoseconds: {apply, apply + css + layout} in wall time, then the same in FX-thread CPU time. */
    private static long[] timeOneApply(MainWindow window, Runnable apply) {
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        apply.run(); // the store hops directly: this is the whole FX-side apply
        long t1 = System.nanoTime();
        long c1 = CPU.getCurrentThreadCpuTime();
        window.root().applyCss();
        window.root().layout();
        long t2 = System.nanoTime();
        long c2 = CPU.getCurrentThreadCpuTime();
        return new long[] {t1 - t0, t2 - t0, c1 - c0, c2 - c0};
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-62s median %6.2f ms   p90 %6.2f ms   max %6.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    /** Services that do nothing: the benchmark feeds the store itself. */
    private static final class IdleServices implements DesktopServices {
        private final SnapshotPublisher live = new SnapshotPublisher();

        @Override public SnapshotSource liveSource() { return live; }
        @Override public Duration interval() { return Duration.ofSeconds(1); }
        @Override public void setInterval(Duration interval) { }
        @Override public void pause() { }
        @Override public void resume() { }
        @Override public int metricsPort() { return 9215; }
        @Override public MetricsServer startMetricsServer(int port) { throw new UnsupportedOperationException(); }
        @Override public void writeSnapshot(Snapshot snapshot, Path file) { }
        @Override public Snapshot readSnapshot(Path file) throws SnapshotReadException {
            throw new SnapshotReadException("not in the benchmark");
        }
        @Override public PidStatus pidStatus(int pid) { return PidStatus.exited(); }
        @Override public TerminationResult terminate(ProcessTarget target, ProcessSignal signal) {
            return TerminationResult.refused("no");
        }
        @Override public boolean hasFullAccess() { return true; }
    }
}
