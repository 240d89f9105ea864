package io.herakles.procmem.ui.app;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SnapshotPublisher;
import io.herakles.procmem.model.SnapshotSource;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessEntry;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Benchmark (not a test): how long the FX thread spends applying one 5,000-process snapshot to the
 * whole window — store, process table (sorted by USS descending, one row selected), treemap,
 * header tiles, CPU chart, details — and then the CSS and layout passes of the pulse that follows.
 * Target: median apply + CSS + layout at most 8 ms. Snapshots are generated beforehand (about 1%
 * of pids replaced per tick, every CPU value and a fifth of the memory values changed;
 * {@code -Dbench.reshuffle=true} redraws every memory value, the worst case for re-sorting), so
 * generation is not timed. Reports FX-thread CPU time (stable on a loaded machine) and wall time.
 *
 * <p>It drives the path the app really takes: each snapshot is published on the window's live
 * source, the window's {@link io.herakles.procmem.ui.common.BackgroundPreparer} prepares it on the
 * "ui-prepare" thread (timed separately, in that thread's CPU time: the table's listing, the
 * treemap's layout, the header's figures), and its one coalesced FX hop applies it; the
 * benchmark's {@link FxExecutor} times that hop, and the scene's pulse listeners time the CSS and
 * layout passes of the next pulse. One snapshot is in flight at a time, so none is skipped.
 *
 * <p>It re-launches itself with the desktop's JVM flags ({@code TunedFlags.DESKTOP}, what
 * {@code java -jar} re-executes itself with; {@code -Dbench.flags=as-started} measures the JVM as
 * started instead). Run (headless Monocle by default; add {@code -Dbench.display=true} to use a real display):
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
        java.util.OptionalInt child = FxBench.inDesktopJvm(ApplyBenchmark.class);
        if (child.isPresent()) {
            System.exit(child.getAsInt());
        }
        int processes = Integer.getInteger("bench.processes", 5000);
        int ticks = Integer.getInteger("bench.ticks", 200);
        boolean reshuffle = Boolean.getBoolean("bench.reshuffle");
        int warmup = Math.max(20, ticks / 4);
        List<Snapshot> snapshots = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            snapshots.add(TestSnapshots.generated(processes, t, reshuffle));
        }
        FxBench.startFx(null);

        IdleServices services = new IdleServices();
        TimedHops hops = new TimedHops();
        MainWindow window = FxBench.onFx(() -> {
            MainWindow w = new MainWindow(services, new FakeDialogs(), FxExecutor.using(hops::hop));
            Stage stage = new Stage();
            w.show(stage);
            hops.watch(stage.getScene());
            return w;
        });
        hops.publishAndWait(services.live, snapshots.get(0));
        FxBench.onFx(() -> {
            TableView<ProcessRow> table = window.tableView().table();
            TableColumn<ProcessRow, ?> uss = table.getColumns().stream()
                    .filter(c -> "uss".equals(c.getId())).findFirst().orElseThrow();
            uss.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(uss));
            table.getSelectionModel().select(10);
            return null;
        });
        long prepareThread = preparerThreadId();

        long[] prepareCpu = new long[ticks];
        long[][] fx = new long[4][ticks];
        for (int i = -warmup; i < ticks; i++) {
            long p0 = CPU.getThreadCpuTime(prepareThread);
            long[] one = hops.publishAndWait(services.live, snapshots.get(Math.floorMod(i + 1, snapshots.size())));
            long p1 = CPU.getThreadCpuTime(prepareThread);
            if (i >= 0) {
                prepareCpu[i] = p1 - p0;
                for (int k = 0; k < 4; k++) {
                    fx[k][i] = one[k];
                }
            }
        }
        System.out.printf(Locale.ROOT, "processes=%d ticks=%d (after %d warm-up), memory values %s%n", processes,
                ticks, warmup, reshuffle ? "reshuffled every tick (worst case)" : "drifting (±3%, a fifth per tick)");
        System.out.println("\"ui-prepare\" thread CPU time (off the FX thread):");
        FxBench.report("  prepare", prepareCpu);
        System.out.println("FX thread CPU time, the live window's hop (the path the app takes):");
        FxBench.report("  apply (store, table, treemap, tiles, chart, details)", fx[2]);
        FxBench.report("  apply + CSS + layout", fx[3]);
        System.out.println("wall time of the same (includes waiting for a core when the machine is busy):");
        FxBench.report("  apply (store, table, treemap, tiles, chart, details)", fx[0]);
        FxBench.report("  apply + CSS + layout", fx[1]);
        System.out.println("FX thread CPU time:");
        FxBench.report("  the table's listing made on the FX thread (a file, a filter or sort change)", FxBench.onFx(() -> timeTableOnly(snapshots, ticks, warmup)));
        Platform.exit();
    }

    /** The id of the window's "ui-prepare" thread (its CPU time is the preparation's). */
    private static long preparerThreadId() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> MainWindow.PREPARE_THREAD.equals(t.getName()))
                .findFirst().orElseThrow().getId();
    }

    /**
     * The window's way onto the FX thread, timed: each hop runs on the FX thread and asks for a
     * pulse; that pulse's CSS and layout passes are timed between the scene's pre- and post-layout
     * pulse listeners (the pulse runs exactly those passes between them). Reports {apply, apply +
     * CSS + layout} in wall time, then the same in FX-thread CPU time, to whoever published the
     * snapshot. The pulse is the one the app gets: it restyles and lays out only what the apply
     * made dirty. (Calling {@code root.applyCss()} instead would restyle the whole scene, about
     * 8 ms at 5,000 processes that the app never spends.)
     */
    private static final class TimedHops {
        private volatile CompletableFuture<long[]> done = new CompletableFuture<>();
        /** {wall, cpu} at the hop's start and end, then at the pulse's start; null when no hop waits. */
        private long[] pending;

        /** Listens to {@code scene}'s pulses. FX thread. */
        void watch(Scene scene) {
            scene.addPreLayoutPulseListener(() -> {
                if (pending != null) {
                    pending[4] = System.nanoTime();
                    pending[5] = CPU.getCurrentThreadCpuTime();
                }
            });
            scene.addPostLayoutPulseListener(() -> {
                long[] p = pending;
                if (p == null || p[4] == 0) {
                    return;
                }
                pending = null;
                long wall = System.nanoTime() - p[4];
                long cpu = CPU.getCurrentThreadCpuTime() - p[5];
                long applyWall = p[1] - p[0];
                long applyCpu = p[3] - p[2];
                done.complete(new long[] {applyWall, applyWall + wall, applyCpu, applyCpu + cpu});
            });
        }

        void hop(Runnable apply) {
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                apply.run();
                pending = new long[] {t0, System.nanoTime(), c0, CPU.getCurrentThreadCpuTime(), 0, 0};
                Platform.requestNextPulse();
            });
        }

        /** Publishes {@code snapshot} as the sampler would and waits until the FX thread applied and showed it. */
        long[] publishAndWait(SnapshotPublisher live, Snapshot snapshot) throws Exception {
            done = new CompletableFuture<>();
            live.publish(snapshot);
            return done.get(120, TimeUnit.SECONDS);
        }
    }

    /** FX-thread CPU nanoseconds of {@link ProcessTableViewModel#apply} alone, sorted by USS descending. */
    private static long[] timeTableOnly(List<Snapshot> snapshots, int ticks, int warmup) {
        ProcessTableViewModel vm = new ProcessTableViewModel();
        vm.setOrder(Comparator.comparingLong(ProcessEntry::ussKey).reversed());
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




    /** Services that do nothing: the benchmark feeds the store itself. */
    private static final class IdleServices implements DesktopServices {
        final SnapshotPublisher live = new SnapshotPublisher();

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
