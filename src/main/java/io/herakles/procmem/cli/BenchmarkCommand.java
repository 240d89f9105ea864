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
 *   us_per_proc=.. first_pass_ms=.. cpu_ms_per_pass=.. rss_mib=.. pss_mib=.. uss_mib=..</pre>
 *
 * Options: {@code -n PASSES} (1..1000, default 10), {@code -j THREADS} (0 = auto), {@code -P PIDFILE}
 * (only these pids), {@code -w WARMUP} (untimed passes after the first, default 2),
 * {@code --procfs DIR}, {@code -q} (no per-pass lines); {@code -s INTERVAL_MS [-t TICKS]} runs the live
 * sampler instead and prints each tick's statistics.
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
            out.println("usage: benchmark [-n PASSES] [-j THREADS] [-P PIDFILE] [-w WARMUP] [--procfs DIR] [-q] [-s INTERVAL_MS [-t TICKS]]");
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
        try (Collector collector = new Collector(config, (name, cmd) -> Optional.of(other),
                new ProcFs(Path.of(o.procfs)), UserNames.system(), MonotonicClock.SYSTEM)) {
            CollectorTuning tuning = CollectorTuning.complete();
            TickResult first = collector.collect(tuning, o.pids);
            int warmup = o.warmup >= 0 ? o.warmup
                    : Math.max(2, Math.min(200, 20_000 / Math.max(1, first.processes().size())));
            for (int i = 0; i < warmup; i++) {
                collector.collect(tuning, o.pids);
            }
            double[] ms = new double[o.passes];
            double procs = 0;
            long cpu0 = processCpuNanos();
            TickResult last = first;
            for (int i = 0; i < o.passes; i++) {
                long t0 = System.nanoTime();
                last = collector.collect(tuning, o.pids);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                procs += last.processes().size();
                if (!o.quiet) {
                    out.printf(Locale.ROOT, "pass %d: %.3f ms, %d processes, %d pss readable, %d vanished%n", i + 1,
                            ms[i], last.processes().size(), last.pssReadable(), last.vanished());
                }
            }
            double cpuMs = (processCpuNanos() - cpu0) / 1e6 / o.passes;
            report(out, o, collector.workers(), first, last, ms, procs / o.passes, cpuMs);
        }
        return 0;
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
            double[] ms, double procs, double cpuMs) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        long rss = 0;
        long pss = 0;
        long uss = 0;
        for (ProcessSample p : last.processes()) {
            rss += p.rssBytes();
            pss += p.pssBytes().orElse(0);
            uss += p.ussBytes().orElse(0);
        }
        out.printf(Locale.ROOT, "RESULT impl=java scope=%s threads=%d passes=%d procs=%.0f pass_ms_min=%.3f "
                + "pass_ms_median=%.3f pass_ms_max=%.3f us_per_proc=%.2f first_pass_ms=%.3f cpu_ms_per_pass=%.3f "
                + "rss_mib=%.1f pss_mib=%.1f uss_mib=%.1f%n",
                o.pids == null ? "all" : "pidfile", workers, n, procs, sorted[0], median, sorted[n - 1],
                procs > 0 ? median * 1000 / procs : 0, first.durationNanos() / 1e6, cpuMs,
                rss / 1048576.0, pss / 1048576.0, uss / 1048576.0);
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
