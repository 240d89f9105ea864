package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Benchmark (not a test): what a new snapshot costs the treemap view on the FX thread with 5,000
 * processes — hierarchy, nested layout and recording the canvas drawing (rasterising happens later
 * on the render thread and is not counted). Alternates two snapshots so every call does real work.
 * Prints wall time and the FX thread's CPU time (the latter is steadier on a loaded machine).
 * Run headless (after {@code mvn -o -q test-compile} and
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}):
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *   -cp target/classes:target/test-classes:$(cat target/cp.txt) io.herakles.procmem.ui.treemap.TreemapViewBenchmark</pre>
 */
public final class TreemapViewBenchmark {

    private static final int WARMUP = 200;
    private static final int RUNS = 200;

    private TreemapViewBenchmark() {}

    public static void main(String[] args) throws Exception {
        CompletableFuture<double[][]> result = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                result.complete(run());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        double[][] ms = result.get();
        System.out.printf(Locale.ROOT,
                "TreemapView.setSnapshot (5,000 processes, 1600x900): wall median %.2f ms  p90 %.2f ms;"
                        + "  thread CPU median %.2f ms  p90 %.2f ms  (%d runs after %d warm-up)%n",
                ms[0][RUNS / 2], ms[0][RUNS * 9 / 10], ms[1][RUNS / 2], ms[1][RUNS * 9 / 10], RUNS, WARMUP);
        Platform.exit();
    }

    private static double[][] run() {
        Snapshot a = TestSnapshots.random(5_000, 1);
        Snapshot b = TestSnapshots.random(5_000, 2);
        TreemapView view = new TreemapView();
        view.metricProperty().set(MemoryMetric.PSS);
        new Scene(view, 1600, 946);
        view.applyCss();
        view.layout();
        for (int i = 0; i < WARMUP; i++) {
            view.setSnapshot(i % 2 == 0 ? a : b);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            view.setSnapshot(i % 2 == 0 ? a : b);
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }
}
