package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark (not a test): how long the treemap takes per snapshot with 5,000 processes. Target:
 * median under 5 ms for the layout of 5,000 cells. Measures
 * <ol>
 *   <li>{@link TreemapLayout#squarify} of 5,000 flat weights into 1600 × 900;</li>
 *   <li>the whole per-snapshot path of the view without drawing: build the group → subgroup →
 *       process hierarchy from a snapshot, then the nested layout ({@link TreemapModel#layout}).</li>
 * </ol>
 * Prints wall time and the thread's CPU time (the latter is steadier on a loaded machine).
 * Run (after {@code mvn -o -q test-compile} and
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}):
 * <pre>java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.herakles.procmem.ui.treemap.TreemapLayoutBenchmark</pre>
 */
public final class TreemapLayoutBenchmark {

    private static final int CELLS = 5_000;
    private static final int WARMUP = 300;
    private static final int RUNS = 300;

    private TreemapLayoutBenchmark() {}

    public static void main(String[] args) {
        Random r = new Random(42);
        double[] weights = new double[CELLS];
        for (int i = 0; i < CELLS; i++) {
            weights[i] = Math.pow(10, r.nextDouble() * 4);
        }
        Rect bounds = new Rect(0, 0, 1600, 900);
        report("squarify, 5,000 flat cells", measure(() -> TreemapLayout.squarify(weights, bounds).length));

        Snapshot snapshot = TestSnapshots.random(CELLS, 42);
        TreemapModel model = new TreemapModel();
        model.setMetric(MemoryMetric.PSS);
        report("snapshot -> hierarchy -> nested layout, 5,000 processes", measure(() -> {
            model.setSnapshot(snapshot);
            return model.layout(1600, 900).size();
        }));
        model.setSnapshot(snapshot);
        System.out.printf(Locale.ROOT, "  (nested layout produced %d cells: groups, subgroups and processes)%n",
                model.layout(1600, 900).size());
    }

    /** Wall and thread-CPU milliseconds per run, each sorted. */
    private static double[][] measure(java.util.function.IntSupplier work) {
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += work.getAsInt();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += work.getAsInt();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        if (sink == 42) {
            System.out.println("(keeps the work alive)");
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    private static void report(String what, double[][] ms) {
        System.out.printf(Locale.ROOT,
                "%-56s wall median %.2f ms  p90 %.2f ms;  thread CPU median %.2f ms  p90 %.2f ms  (%d runs after %d warm-up)%n",
                what, ms[0][RUNS / 2], ms[0][RUNS * 9 / 10], ms[1][RUNS / 2], ms[1][RUNS * 9 / 10], RUNS, WARMUP);
    }
}
