package io.herakles.procmem.engine;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.Classifier;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.PidOutcome;
import io.herakles.procmem.collect.PidReader;
import io.herakles.procmem.collect.PidStat;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.SmapsRollup;
import io.herakles.procmem.collect.SystemReader;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One full collection pass over {@code /proc}, in the tiers of docs/ARCHITECTURE.md#collection-tiers:
 * <ol>
 * <li>every pid: {@code stat} (state, CPU, page faults, approximate resident pages), and
 *     {@code statm} (exact resident size) when those moved or the RSS reached the age bound; on
 *     first sight of (pid, start time) also {@code cmdline} and {@code status}, then the name
 *     filter and the classifier;</li>
 * <li>prune every per-pid cache entry not seen this pass (no growth under pid churn);</li>
 * <li>{@code smaps_rollup} + {@code status} of the processes whose memory details are due (their
 *     memory counters moved, or their PSS/USS reached the age bound: {@link RollupSchedule}),
 *     earliest deadline first, within the time budget (the rest keep their last PSS/USS);</li>
 * <li>build the samples ({@code min_uss_kb} drops processes whose <i>known</i> USS is smaller).</li>
 * </ol>
 * Upstream's filter order is kept: name filter, then memory, then {@code min_uss_kb}; the
 * classifier's "drop" (empty result) is applied with the name filter, since both only need names.
 *
 * <p>Not thread-safe: call {@link #collect} from one thread (the sampler); it fans out to the
 * {@link WorkerPool} internally. Vanished and unreadable pids are counted, never logged per pid.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Collector.class.getName());

    private final ProcFs procFs;
    private final ExporterConfig config;
    private final Classifier classifier;
    private final MonotonicClock clock;
    private final UserNames users;
    private final NameFilter nameFilter;
    private final SystemReader systemReader;
    private final WorkerPool pool;
    private final PidReader[] readers;
    private final Map<Integer, TrackedProcess> table = new ConcurrentHashMap<>();
    private long tick;

    public Collector(ExporterConfig config, Classifier classifier, ProcFs procFs, UserNames users,
            MonotonicClock clock) {
        this.procFs = procFs;
        this.config = config;
        this.classifier = classifier;
        this.clock = clock;
        this.users = users;
        this.nameFilter = new NameFilter(config);
        this.systemReader = new SystemReader(procFs);
        this.pool = new WorkerPool(parallelism(config.parallelism()));
        this.readers = new PidReader[pool.workers()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = new PidReader(procFs);
        }
    }

    /**
     * {@code parallelism}: null or 0 = auto = min(cores / 2, 4), at least 1. Half the cores, not all:
     * measured on a shared 2-core VM (1000 processes, medians of 3 alternating runs), a second
     * thread made the pass slower (198 vs 177 µs per process wall, +4 % CPU), for the C floor as
     * well; the kernel's page-table walk is the cost, and a monitor should leave cores to the
     * workloads it watches. Where cores are plenty, up to 4 threads.
     */
    static int parallelism(Integer configured) {
        if (configured != null && configured > 0) {
            return configured;
        }
        return autoParallelism(Runtime.getRuntime().availableProcessors());
    }

    static int autoParallelism(int cores) {
        return Math.max(1, Math.min(cores / 2, 4));
    }

    /** Worker threads used (including the caller). */
    public int workers() {
        return pool.workers();
    }

    /** Per-pid cache size (for tests: must not grow beyond the live pids). */
    int trackedCount() {
        return table.size();
    }

    /** Runs one pass. Unexpected failures propagate (the sampler turns them into a failed tick). */
    public TickResult collect(CollectorTuning tuning) {
        return collect(tuning, null);
    }

    /**
     * Runs one pass over the given pids only (a benchmark's known population), or over every listed
     * pid when {@code onlyPids} is null.
     */
    public TickResult collect(CollectorTuning tuning, int[] onlyPids) {
        long start = clock.nanoTime();
        long thisTick = ++tick;
        SystemSample system = systemReader.sample();
        int max = config.maxProcesses() == null ? Integer.MAX_VALUE : Math.max(0, config.maxProcesses());
        int[] pids = onlyPids != null ? onlyPids.clone() : procFs.listPids(max);
        AtomicInteger vanished = new AtomicInteger();

        pool.forEach(pids.length, () -> true,
                (w, i) -> observe(pids[i], readers[w], thisTick, tuning, vanished));
        table.values().removeIf(t -> t.seenTick != thisTick || t.gone);

        int[] rollupCounts = readRollups(tuning, thisTick, vanished);
        List<ProcessSample> samples = new ArrayList<>();
        int denied = 0;
        int readable = 0;
        OptionalLong bootTime = systemReader.bootTime();
        long monoNow = clock.nanoTime();
        Instant wallNow = clock.now();
        for (TrackedProcess t : table.values()) {
            if (t.dropped || t.gone) {
                continue;
            }
            denied += t.rollupDenied ? 1 : 0;
            readable += t.rollup != null ? 1 : 0;
            if (t.rollup != null && t.rollup.uss() < config.minUssKb() * 1024) {
                continue;
            }
            samples.add(Samples.toSample(t, bootTime, monoNow, wallNow));
        }
        return new TickResult(samples, system, clock.nanoTime() - start, pids.length, vanished.get(), denied,
                readable, rollupCounts[0], rollupCounts[1], rollupCounts[2]);
    }

    // ---- phase 1: tier 0 (+ tier 1 on first sight) ----

    private void observe(int pid, PidReader r, long thisTick, CollectorTuning tuning, AtomicInteger vanished) {
        Optional<PidStat> stat = r.stat(pid);
        if (stat.isEmpty()) {
            if (r.lastOutcome() == PidOutcome.VANISHED) {
                vanished.incrementAndGet();
            }
            return;
        }
        PidStat s = stat.get();
        long now = clock.nanoTime();
        TrackedProcess t = table.get(pid);
        if (t == null || t.startTicks != s.startTicks()) {
            // first sight, or the pid was reused: a new process
            t = new TrackedProcess(pid, s.startTicks());
            if (!readNames(t, s, r, now) || !readStatus(t, r, thisTick)) {
                vanished.incrementAndGet();
                return;
            }
            table.put(pid, t);
        } else if (!s.comm().equals(t.comm) || now - t.namesReadNanos >= tuning.cmdlineRefresh().toNanos()) {
            if (!readNames(t, s, r, now)) {
                vanished.incrementAndGet();
                t.gone = true;
                return;
            }
        }
        t.seenTick = thisTick;
        if (t.dropped) {
            return;
        }
        t.observe(s, now, thisTick);
        if (RollupSchedule.rssDue(t, tuning, now)) {
            OptionalLong rss = r.rssBytes(pid);
            if (rss.isEmpty() && r.lastOutcome() == PidOutcome.VANISHED) {
                vanished.incrementAndGet();
                t.gone = true;
                return;
            }
            t.rssRead(rss.orElse(0), now);
        }
    }

    /** Reads cmdline, settles the name and (re)classifies; false when the process vanished. */
    private boolean readNames(TrackedProcess t, PidStat s, PidReader r, long now) {
        Optional<String> cmdline = r.cmdline(t.pid);
        if (cmdline.isEmpty() && r.lastOutcome() == PidOutcome.VANISHED) {
            return false;
        }
        String cmd = cmdline.orElse("");
        String name = s.comm().isBlank() ? r.argv0Basename(t.pid).orElse("") : s.comm();
        boolean changed = !name.equals(t.name) || !cmd.equals(t.cmdline) || t.namesReadNanos == TrackedProcess.NEVER;
        t.comm = s.comm();
        t.name = name;
        t.cmdline = cmd;
        t.namesReadNanos = now;
        if (changed) {
            classify(t);
        }
        return true;
    }

    private boolean readStatus(TrackedProcess t, PidReader r, long thisTick) {
        r.status(t.pid).ifPresent(t::status);
        t.statusTick = thisTick;
        if (r.lastOutcome() == PidOutcome.VANISHED) {
            return false;
        }
        t.user = users.name(t.uid);
        return true;
    }

    private void classify(TrackedProcess t) {
        if (t.name.isEmpty() || !nameFilter.accepts(t.name)) {
            t.dropped = true;
            return;
        }
        try {
            Optional<Classification> c = classifier.classify(t.name, t.cmdline);
            t.classification = c.orElse(null);
            t.dropped = c.isEmpty();
        } catch (RuntimeException e) {
            // a faulty rule must not lose the process or fail the tick
            LOG.log(Level.FINE, "classifier failed for pid " + t.pid, e);
            t.classification = null;
            t.dropped = false;
        }
    }

    // ---- phase 3: tier 2 ----

    /** Returns {reads done, due reads left pending, reads denied}. */
    private int[] readRollups(CollectorTuning tuning, long thisTick, AtomicInteger vanished) {
        long now = clock.nanoTime();
        List<TrackedProcess> due = new ArrayList<>();
        for (TrackedProcess t : table.values()) {
            if (t.dropped || t.gone) {
                continue;
            }
            t.dueKey = RollupSchedule.dueKey(t, tuning, now);
            if (t.dueKey != RollupSchedule.NOT_DUE) {
                due.add(t);
            }
        }
        due.sort(Comparator.comparingLong(t -> t.dueKey));
        long deadline = now + tuning.rollupBudget().toNanos();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger denied = new AtomicInteger();
        pool.forEach(due.size(), () -> clock.nanoTime() - deadline < 0, (w, i) -> {
            TrackedProcess t = due.get(i);
            readRollup(t, readers[w], tuning, thisTick, vanished);
            done.incrementAndGet();
            if (t.rollupDenied) {
                denied.incrementAndGet();
            }
        });
        return new int[] {done.get(), due.size() - done.get(), denied.get()};
    }

    private void readRollup(TrackedProcess t, PidReader r, CollectorTuning tuning, long thisTick,
            AtomicInteger vanished) {
        long begin = clock.nanoTime();
        Optional<SmapsRollup> rollup = r.rollup(t.pid);
        PidOutcome outcome = r.lastOutcome();
        if (outcome == PidOutcome.VANISHED) {
            t.gone = true;
            vanished.incrementAndGet();
            return;
        }
        if (t.statusTick != thisTick) { // status goes with the memory details (first sight read it already)
            int uid = t.uid;
            r.status(t.pid).ifPresent(t::status);
            t.statusTick = thisTick;
            if (t.uid != uid) {
                t.user = users.name(t.uid);
            }
        }
        boolean firstRead = t.rollupNanos == TrackedProcess.NEVER;
        t.rollupRead(rollup.orElse(null), outcome == PidOutcome.DENIED, begin, clock.nanoTime(),
                RollupSchedule.refreshDelay(t, tuning, firstRead));
    }

    @Override
    public void close() {
        pool.close();
    }
}
