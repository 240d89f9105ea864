package io.herakles.procmem.cli;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.engine.Collector;
import io.herakles.procmem.engine.CollectorTuning;
import io.herakles.procmem.engine.Sampler;
import io.herakles.procmem.engine.TickResult;
import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times K complete collection passes over the live {@code /proc} (every rollup,
 * no budget), the same work as the C floor's {@code rollup} mode ({@code stat + statm +
 * smaps_rollup}, plus {@code status}, which we read with the memory details). The first pass (which
 * also reads {@code cmdline}/{@code status} of every new process and warms the JIT) is reported
 * apart; the median is over the steady passes. The last line is machine-readable, like the floor's:
 *
 * <pre>RESULT impl=java threads=.. passes=.. procs=.. pass_ms_min=.. pass_ms_median=.. pass_ms_max=..
 *   us_per_proc=.. first_pass_ms=.. cpu_ms_per_pass=.. alloc_kib_per_pass=.. rss_mib=.. pss_mib=.. uss_mib=..</pre>
 *
 * {@code alloc_kib_per_pass} is the calling thread's heap allocation, i.e. the whole pass with
 * {@code -j 1} (worker threads are not included otherwise). {@code -s INTERVAL_MS [--ticks N]} runs
 * the live sampler instead and prints each tick's statistics.
 *
 * <p><b>Steady state of change-driven reads</b>: {@code --max-age SECONDS} (1..86400) runs the
 * passes as the sampler does with that {@code smaps_max_age_seconds}: {@code smaps_rollup} only for
 * processes whose memory counters moved or whose PSS/USS reach the bound, no time budget. The
 * passes run back to back, but the engine's clock moves {@code --tick MS} (default 2000, the
 * desktop's interval) between them, so the bound forces its share of reads as it would at that
 * rate. Warm-up passes bring the population past its first (spread) refreshes; measure a whole
 * number of bounds (e.g. {@code -n 20} at 10 s and 2 s ticks). The passes then differ in cost, so
 * {@code pass_ms_mean} and {@code us_per_proc_mean} are the figures to compare with the floor;
 * {@code rollups_per_pass} is the mean number of {@code smaps_rollup} reads.
 *
 * <p>The proc root is the global {@code --procfs}; {@code -j} wins over the global
 * {@code --parallelism}. The configuration file is not read: a benchmark measures the flags given.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Time complete collection passes over /proc (every smaps_rollup, no budget);"
                + " the last line is a machine-readable RESULT.",
            "With --max-age: the change-driven steady state. With -s: run the live sampler and print each tick."})
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "-n", paramLabel = "PASSES", description = "Timed passes, 1..1000 (default 10).")
    int passes = 10;

    @Option(names = "-w", paramLabel = "WARMUP",
            description = "Untimed passes after the first, 0..100 (default: enough for about 20 000 process reads).")
    int warmup = -1;

    @Option(names = "-j", paramLabel = "THREADS", description = "Collection threads, 0..64 (0 = auto; default --parallelism).")
    Integer threads;

    @Option(names = "-P", paramLabel = "PIDFILE", description = "Only the pids listed in this file, one a line.")
    Path pidFile;

    @Option(names = "-q", description = "No per-pass lines, only the RESULT line.")
    boolean quiet;

    @Option(names = "--max-age", paramLabel = "SECONDS",
            description = "Change-driven passes with this smaps_max_age_seconds, 1..86400 (default: complete passes).")
    int maxAgeSeconds;

    @Option(names = "--tick", paramLabel = "MS", description = "Simulated time between change-driven passes, 1..600000 (default 2000).")
    int tickMs = 2000;

    @Option(names = "-s", paramLabel = "INTERVAL_MS", description = "Run the live sampler at this interval, 1..600000, instead.")
    long samplerIntervalMs;

    @Option(names = "--ticks", paramLabel = "N", description = "Sampler ticks to print with -s, 1..10000 (default 10).")
    int ticks = 10;

    /**
     * What follows a {@code --}: earlier versions parsed their own arguments and were called as
     * {@code bench -- -n 20 ...} (scripts and recorded runs still do), so those are parsed as
     * options again.
     */
    @Parameters(hidden = true)
    List<String> afterDoubleDash = new ArrayList<>();

    private int[] pids;

    @Override
    public Integer call() {
        if (!afterDoubleDash.isEmpty()) {
            List<String> again = List.copyOf(afterDoubleDash);
            spec.commandLine().parseArgs(again.toArray(String[]::new));
        }
        validate();
        pids = pidFile == null ? null : readPids(pidFile);
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.parallelism(threads != null ? threads : root.global.parallelism);
        b.maxProcesses(root.global.maxProcesses);
        b.procfs(procfs());
        ExporterConfig config = b.build();
        return samplerIntervalMs > 0 ? runSampler(config, root.out) : runPasses(config, root.out);
    }

    private String procfs() {
        return root.global.procfs != null ? root.global.procfs : "/proc";
    }

    private void validate() {
        inRange("-n", passes, 1, 1000);
        if (warmup != -1) {
            inRange("-w", warmup, 0, 100);
        }
        if (threads != null) {
            inRange("-j", threads, 0, 64);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--max-age")) {
            inRange("--max-age", maxAgeSeconds, 1, 86_400);
        }
        inRange("--tick", tickMs, 1, 600_000);
        if (samplerIntervalMs != 0) {
            inRange("-s", samplerIntervalMs, 1, 600_000);
        }
        inRange("--ticks", ticks, 1, 10_000);
        if (root.global.testDataFile != null) {
            // -t used to be the sampler's tick count here; it is the global --test-data-file now
            throw new ParameterException(spec.commandLine(), "bench reads /proc, not a snapshot file:"
                    + " -t/--test-data-file does not apply (the sampler's tick count is --ticks)");
        }
    }

    private void inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be " + min + ".." + max + ", got " + value);
        }
    }

    private int[] readPids(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(s -> s.matches("\\d{1,9}"))
                    .mapToInt(Integer::parseInt).sorted().distinct().toArray();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read pid file " + file + ": " + e.getMessage());
        }
    }

    private int runPasses(ExporterConfig config, PrintStream out) {
        Classification other = new Classification(GroupKey.OTHER, "");
        SimulatedTicks clock = new SimulatedTicks();
        try (Collector collector = new Collector(config, (name, cmd) -> Optional.of(other),
                new ProcFs(Path.of(procfs())), UserNames.system(), clock)) {
            CollectorTuning tuning = tuning();
            TickResult first = collector.collect(tuning, pids);
            int warm = warmup >= 0 ? warmup
                    : Math.max(2, Math.min(200, 20_000 / Math.max(1, first.processes().size())));
            if (maxAgeSeconds > 0) { // past the first refreshes, which come within one bound (at most 300 passes)
                warm = Math.max(warm, (int) Math.min(300, 1 + 1000L * maxAgeSeconds / tickMs));
            }
            for (int i = 0; i < warm; i++) {
                clock.advance(simulatedTickMs());
                collector.collect(tuning, pids);
            }
            double[] ms = new double[passes];
            double procs = 0;
            long rollups = 0;
            long cpu0 = processCpuNanos();
            long alloc0 = threadAllocatedBytes();
            TickResult last = first;
            for (int i = 0; i < passes; i++) {
                clock.advance(simulatedTickMs());
                long t0 = System.nanoTime();
                last = collector.collect(tuning, pids);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                procs += last.processes().size();
                rollups += last.rollupsRead();
                if (!quiet) {
                    out.printf(Locale.ROOT, "pass %d: %.3f ms, %d processes, %d pss readable, %d rollups read, %d vanished%n",
                            i + 1, ms[i], last.processes().size(), last.pssReadable(), last.rollupsRead(), last.vanished());
                }
            }
            double cpuMs = (processCpuNanos() - cpu0) / 1e6 / passes;
            double allocKib = (threadAllocatedBytes() - alloc0) / 1024.0 / passes;
            report(out, collector.workers(), first, last, ms, procs / passes, (double) rollups / passes, cpuMs,
                    allocKib);
        }
        return ExitCodes.OK;
    }

    /** How far the engine's clock moves between passes: only change-driven passes simulate ticks. */
    private long simulatedTickMs() {
        return maxAgeSeconds > 0 ? tickMs : 0;
    }

    /** Complete passes, or the sampler's tuning at {@code --tick} with the bound and no budget. */
    private CollectorTuning tuning() {
        if (maxAgeSeconds == 0) {
            return CollectorTuning.complete();
        }
        return CollectorTuning.forInterval(Duration.ofMillis(tickMs)).withBudget(Duration.ofDays(1))
                .withRollupMaxAge(Duration.ofSeconds(maxAgeSeconds));
    }

    /**
     * {@code -s MS --ticks TICKS}: runs the real {@link Sampler} (tiers, rollup budget of a quarter of the
     * interval) over the whole {@code /proc} and prints each tick's statistics, to see how the
     * budget spreads {@code smaps_rollup} reads at GUI rates.
     */
    private int runSampler(ExporterConfig config, PrintStream out) {
        Classification other = new Classification(GroupKey.OTHER, "");
        BlockingQueue<Snapshot> q = new LinkedBlockingQueue<>();
        try (Sampler sampler = new Sampler(config, (n, c) -> Optional.of(other), new ProcFs(Path.of(procfs())),
                UserNames.system(), MonotonicClock.SYSTEM, Duration.ofMillis(samplerIntervalMs))) {
            sampler.source().subscribe(q::add);
            sampler.start();
            for (int i = 0; i < ticks; i++) {
                Snapshot s = q.poll(Math.max(60_000, 10L * samplerIntervalMs), TimeUnit.MILLISECONDS);
                if (s == null) {
                    out.println("bench: no snapshot within the timeout");
                    return ExitCodes.FAILURE;
                }
                CollectionStats st = s.stats();
                out.printf(Locale.ROOT, "tick %d: %.1f ms, %d pids, %d processes, %d pss readable, %d pending, "
                        + "%d vanished, %d denied%s%n", s.sequence(), st.durationSeconds() * 1000, st.pidsSeen(),
                        s.processes().size(), st.pssReadable(), st.smapsPending(), st.vanished(), st.permissionDenied(),
                        st.success() ? "" : ", FAILED: " + st.error());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private void report(PrintStream out, int workers, TickResult first, TickResult last,
            double[] ms, double procs, double rollups, double cpuMs, double allocKib) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double mean = Arrays.stream(ms).average().orElse(0);
        long rss = 0;
        long pss = 0;
        long uss = 0;
        for (ProcessSample p : last.processes()) {
            rss += p.rssBytes();
            pss += p.pssBytes().orElse(0);
            uss += p.ussBytes().orElse(0);
        }
        out.printf(Locale.ROOT, "RESULT impl=java scope=%s threads=%d passes=%d procs=%.0f max_age_s=%d tick_ms=%d "
                + "pass_ms_min=%.3f pass_ms_median=%.3f pass_ms_max=%.3f pass_ms_mean=%.3f us_per_proc=%.2f "
                + "us_per_proc_mean=%.2f rollups_per_pass=%.1f first_pass_ms=%.3f cpu_ms_per_pass=%.3f "
                + "alloc_kib_per_pass=%.0f rss_mib=%.1f pss_mib=%.1f uss_mib=%.1f%n",
                pids == null ? "all" : "pidfile", workers, n, procs, maxAgeSeconds, maxAgeSeconds > 0 ? tickMs : 0,
                sorted[0], median, sorted[n - 1], mean, procs > 0 ? median * 1000 / procs : 0,
                procs > 0 ? mean * 1000 / procs : 0, rollups, first.durationNanos() / 1e6, cpuMs, allocKib,
                rss / 1048576.0, pss / 1048576.0, uss / 1048576.0);
    }

    /** Heap bytes allocated by this thread (the whole pass when it runs on one thread), -1 if unknown. */
    private static long threadAllocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
