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
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * {@code benchmark}: times K complete collection passes over the live {@code /proc} (every rollup,
 * no budget), the same work as the C floor's {@code rollup} mode ({@code stat + statm +
 * smaps_rollup}, plus {@code status}, which we read with the memory details). The first pass (which
 * also reads {@code cmdline}/{@code status} of every new process and warms the JIT) is reported
 * apart; the median is over the steady passes. The last line is machine-readable, like the floor's:
 *
 * <pre>RESULT impl=java threads=.. passes=.. procs=.. pass_ms_min=.. pass_ms_median=.. pass_ms_max=..
 *   us_per_proc=.. first_pass_ms=.. cpu_ms_per_pass=.. alloc_kib_per_pass=.. rss_mib=.. pss_mib=.. uss_mib=..</pre>
 *
 * {@code alloc_kib_per_pass} is the calling thread's heap allocation, i.e. the whole pass with
 * {@code -j 1} (worker threads are not included otherwise).
 *
 * Options: {@code -n PASSES} (1..1000, default 10), {@code -j THREADS} (0 = auto), {@code -P PIDFILE}
 * (only these pids), {@code -w WARMUP} (untimed passes after the first, default 2),
 * {@code --procfs DIR}, {@code -q} (no per-pass lines); {@code -s INTERVAL_MS [-t TICKS]} runs the live
 * sampler instead and prints each tick's statistics.
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
 */
public final class BenchmarkCommand {

    private BenchmarkCommand() {}

    /** Runs the benchmark; returns the exit code (0 ok, 2 usage error). */
    public static int run(String[] args, PrintStream out) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("benchmark: " + e.getMessage());
            out.println("usage: benchmark [-n PASSES] [-j THREADS] [-P PIDFILE] [-w WARMUP] [--procfs DIR] [-q]"
                    + " [--max-age SECONDS [--tick MS]] [-s INTERVAL_MS [-t TICKS]]");
            return 2;
        }
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.parallelism = o.threads;
        b.procfs = o.procfs;
        ExporterConfig config = b.build();
        Classification other = new Classification(GroupKey.OTHER, "");
        if (o.samplerIntervalMs > 0) {
            return runSampler(config, o, out);
        }
        SimulatedTicks clock = new SimulatedTicks();
        try (Collector collector = new Collector(config, (name, cmd) -> Optional.of(other),
                new ProcFs(Path.of(o.procfs)), UserNames.system(), clock)) {
            CollectorTuning tuning = o.tuning();
            TickResult first = collector.collect(tuning, o.pids);
            int warmup = o.warmup >= 0 ? o.warmup
                    : Math.max(2, Math.min(200, 20_000 / Math.max(1, first.processes().size())));
            if (o.maxAgeSeconds > 0) { // past the first refreshes, which come within one bound (at most 300 passes)
                warmup = Math.max(warmup, (int) Math.min(300, 1 + 1000L * o.maxAgeSeconds / o.tickMs));
            }
            for (int i = 0; i < warmup; i++) {
                clock.advance(o.simulatedTickMs());
                collector.collect(tuning, o.pids);
            }
            double[] ms = new double[o.passes];
            double procs = 0;
            long rollups = 0;
            long cpu0 = processCpuNanos();
            long alloc0 = threadAllocatedBytes();
            TickResult last = first;
            for (int i = 0; i < o.passes; i++) {
                clock.advance(o.simulatedTickMs());
                long t0 = System.nanoTime();
                last = collector.collect(tuning, o.pids);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                procs += last.processes().size();
                rollups += last.rollupsRead();
                if (!o.quiet) {
                    out.printf(Locale.ROOT, "pass %d: %.3f ms, %d processes, %d pss readable, %d rollups read, %d vanished%n",
                            i + 1, ms[i], last.processes().size(), last.pssReadable(), last.rollupsRead(), last.vanished());
                }
            }
            double cpuMs = (processCpuNanos() - cpu0) / 1e6 / o.passes;
            double allocKib = (threadAllocatedBytes() - alloc0) / 1024.0 / o.passes;
            report(out, o, collector.workers(), first, last, ms, procs / o.passes, (double) rollups / o.passes, cpuMs,
                    allocKib);
        }
        return 0;
    }

    /**
     * The engine's clock during the passes: real time within a pass, but each pass starts exactly
     * {@code --tick} after the previous one (a sampler's fixed rate), so the rollup age bound sees
     * the passes a tick apart while they run back to back.
     */
    private static final class SimulatedTicks implements MonotonicClock {
        private long offsetNanos;
        private long passStart = System.nanoTime();

        /** Starts the next pass {@code tickMs} after the previous one began (0: plain real time). */
        void advance(long tickMs) {
            if (tickMs == 0) {
                return;
            }
            // a pass longer than the tick delays the next one, as in the sampler: time never goes back
            passStart = Math.max(passStart + TimeUnit.MILLISECONDS.toNanos(tickMs), nanoTime());
            offsetNanos = passStart - System.nanoTime();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime() + offsetNanos;
        }

        @Override
        public java.time.Instant now() {
            return java.time.Instant.now().plusNanos(offsetNanos);
        }
    }

    /**
     * {@code -s MS -t TICKS}: runs the real {@link Sampler} (tiers, rollup budget of a quarter of the
     * interval) over the whole {@code /proc} and prints each tick's statistics, to see how the
     * budget spreads {@code smaps_rollup} reads at GUI rates.
     */
    private static int runSampler(ExporterConfig config, Options o, PrintStream out) {
        Classification other = new Classification(GroupKey.OTHER, "");
        BlockingQueue<Snapshot> q = new LinkedBlockingQueue<>();
        try (Sampler sampler = new Sampler(config, (n, c) -> Optional.of(other), new ProcFs(Path.of(o.procfs)),
                UserNames.system(), MonotonicClock.SYSTEM, Duration.ofMillis(o.samplerIntervalMs))) {
            sampler.source().subscribe(q::add);
            sampler.start();
            for (int i = 0; i < o.ticks; i++) {
                Snapshot s = q.poll(Math.max(60_000, 10L * o.samplerIntervalMs), TimeUnit.MILLISECONDS);
                if (s == null) {
                    out.println("benchmark: no snapshot within the timeout");
                    return 1;
                }
                CollectionStats st = s.stats();
                out.printf(Locale.ROOT, "tick %d: %.1f ms, %d pids, %d processes, %d pss readable, %d pending, "
                        + "%d vanished, %d denied%s%n", s.sequence(), st.durationSeconds() * 1000, st.pidsSeen(),
                        s.processes().size(), st.pssReadable(), st.smapsPending(), st.vanished(), st.permissionDenied(),
                        st.success() ? "" : ", FAILED: " + st.error());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
    }

    private static void report(PrintStream out, Options o, int workers, TickResult first, TickResult last,
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
                o.pids == null ? "all" : "pidfile", workers, n, procs, o.maxAgeSeconds, o.maxAgeSeconds > 0 ? o.tickMs : 0,
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

    /** Parsed command line. */
    private static final class Options {
        int passes = 10;
        /** Untimed passes; -1 = auto: enough for about 20 000 process reads (JIT-compiled steady state). */
        int warmup = -1;
        Integer threads;
        int[] pids;
        String procfs = "/proc";
        boolean quiet;
        long samplerIntervalMs;
        int ticks = 10;
        /** 0: complete passes (every rollup every pass); else change-driven with this bound. */
        int maxAgeSeconds;
        /** Simulated time between change-driven passes. */
        int tickMs = 2000;

        /** How far the engine's clock moves between passes: only change-driven passes simulate ticks. */
        long simulatedTickMs() {
            return maxAgeSeconds > 0 ? tickMs : 0;
        }

        /** Complete passes, or the sampler's tuning at {@code --tick} with the bound and no budget. */
        CollectorTuning tuning() {
            if (maxAgeSeconds == 0) {
                return CollectorTuning.complete();
            }
            return CollectorTuning.forInterval(Duration.ofMillis(tickMs)).withBudget(Duration.ofDays(1))
                    .withRollupMaxAge(Duration.ofSeconds(maxAgeSeconds));
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-n" -> o.passes = intArg(args, ++i, a, 1, 1000);
                    case "-w" -> o.warmup = intArg(args, ++i, a, 0, 100);
                    case "-j" -> o.threads = intArg(args, ++i, a, 0, 64);
                    case "-P" -> o.pids = readPids(value(args, ++i, a));
                    case "--procfs" -> o.procfs = value(args, ++i, a);
                    case "-q" -> o.quiet = true;
                    case "-s" -> o.samplerIntervalMs = intArg(args, ++i, a, 1, 600_000);
                    case "-t" -> o.ticks = intArg(args, ++i, a, 1, 10_000);
                    case "--max-age" -> o.maxAgeSeconds = intArg(args, ++i, a, 1, 86_400);
                    case "--tick" -> o.tickMs = intArg(args, ++i, a, 1, 600_000);
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String opt) {
            if (i >= args.length) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            return args[i];
        }

        private static int intArg(String[] args, int i, String opt, int min, int max) {
            String v = value(args, i, opt);
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new IllegalArgumentException(opt + " must be " + min + ".." + max + ", got " + v);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(opt + " must be a number, got '" + v + "'");
            }
        }

        private static int[] readPids(String file) {
            try {
                return Files.readAllLines(Path.of(file)).stream().map(String::trim).filter(s -> s.matches("\\d{1,9}"))
                        .mapToInt(Integer::parseInt).sorted().distinct().toArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read pid file " + file + ": " + e.getMessage());
            }
        }
    }
}
