package io.herakles.procmem.collect;

import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pass over every process's {@code smaps}: for each file or shared-memory segment mapped by two
 * or more processes, how many map it and their RSS, PSS and swap summed. Reading every
 * {@code smaps} makes the kernel walk every page table, so this runs on demand only, never on a
 * tick. Anonymous, heap, stack and vdso mappings have no identity across processes and are left out.
 *
 * <p>The kernel's work per process is independent of the others', so the pass is spread over a few
 * threads ("herakles-maps-N", each with its own reader and sums, merged at the end); the calling
 * thread is one of them. Never throws: denied and vanished processes are counted. Cancellation is
 * polled between processes; progress is reported from the scanning threads.
 */
public final class SharedMappingScan {

    private static final int RSS = MappingFigure.RSS.ordinal();
    private static final int PSS = MappingFigure.PSS.ordinal();
    private static final int SWAP = MappingFigure.SWAP.ordinal();

    private final ProcFs procFs;
    private final int threads;

    /** With one thread per core, at most 4 (more only queue on the same kernel locks). */
    public SharedMappingScan(ProcFs procFs) {
        this(procFs, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public SharedMappingScan(ProcFs procFs, int threads) {
        this.procFs = procFs;
        this.threads = Math.max(1, threads);
    }

    /** Scans every process, reporting progress to and polling cancellation from {@code progress}. */
    public SharedMemoryReport run(ScanProgress progress) {
        long t0 = System.nanoTime();
        int[] pids = procFs.listPids(Integer.MAX_VALUE);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean cancelled = new AtomicBoolean();
        Worker[] workers = new Worker[Math.min(threads, Math.max(1, pids.length))];
        Thread[] helpers = new Thread[workers.length - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Worker(new MapsReader(procFs), pids, next, done, cancelled, progress);
        }
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Thread(workers[h + 1], "herakles-maps-" + (h + 1));
            helpers[h].setDaemon(true);
            helpers[h].start();
        }
        workers[0].run();
        joinAll(helpers, cancelled);
        return merge(workers, cancelled.get(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private static void joinAll(Thread[] helpers, AtomicBoolean cancelled) {
        for (Thread h : helpers) {
            boolean joined = false;
            while (!joined) {
                try {
                    h.join();
                    joined = true;
                } catch (InterruptedException e) {
                    cancelled.set(true); // the helpers stop after their current process
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static SharedMemoryReport merge(Worker[] workers, boolean cancelled, Duration elapsed) {
        Map<String, Totals> all = workers[0].all;
        int scanned = 0;
        int denied = 0;
        int gone = 0;
        for (int w = 0; w < workers.length; w++) {
            if (w > 0) {
                workers[w].all.forEach((path, t) -> all.merge(path, t, Totals::plus));
            }
            scanned += workers[w].scanned;
            denied += workers[w].denied;
            gone += workers[w].gone;
        }
        List<SharedMapping> shared = new ArrayList<>();
        for (Map.Entry<String, Totals> e : all.entrySet()) {
            if (e.getValue().users.size() >= 2) {
                shared.add(e.getValue().toShared(e.getKey()));
            }
        }
        shared.sort(SharedMapping.MOST_OVERSTATED_FIRST);
        return new SharedMemoryReport(shared, scanned, denied, gone, cancelled, elapsed);
    }

    /** Takes the next pid until none is left; its sums are its own until the merge. */
    private static final class Worker implements Runnable {
        final MapsReader reader;
        final int[] pids;
        final AtomicInteger next;
        final AtomicInteger done;
        final AtomicBoolean cancelled;
        final ScanProgress progress;
        final Map<String, Totals> all = new HashMap<>();
        final Map<String, long[]> mine = new HashMap<>();
        int scanned;
        int denied;
        int gone;

        Worker(MapsReader reader, int[] pids, AtomicInteger next, AtomicInteger done, AtomicBoolean cancelled,
                ScanProgress progress) {
            this.reader = reader;
            this.pids = pids;
            this.next = next;
            this.done = done;
            this.cancelled = cancelled;
            this.progress = progress;
        }

        @Override
        public void run() {
            int i;
            while ((i = next.getAndIncrement()) < pids.length) {
                if (cancelled.get() || progress.cancelled() || Thread.currentThread().isInterrupted()) {
                    cancelled.set(true);
                    return;
                }
                scanOne(pids[i]);
                progress.progress(done.incrementAndGet(), pids.length);
            }
        }

        private void scanOne(int pid) {
            mine.clear();
            switch (reader.scan(pid, (h, f) -> addMapping(mine, h.path(), f)).status()) {
                case OK -> {
                    scanned++;
                    addProcess(pid);
                }
                case DENIED -> denied++;
                case GONE -> gone++;
                default -> { } // kernel threads and zombies have nothing to share
            }
        }

        private void addProcess(int pid) {
            if (mine.isEmpty()) {
                return;
            }
            String name = reader.name(pid).orElse("?");
            for (Map.Entry<String, long[]> e : mine.entrySet()) {
                long[] v = e.getValue();
                all.computeIfAbsent(e.getKey(), Totals::new).add(new SharedMapping.User(pid, name, v[0], v[1]), v[2]);
            }
        }
    }

    /** Sums one mapping into this process's per-path figures (a library has several mappings). */
    private static void addMapping(Map<String, long[]> mine, String path, long[] figures) {
        if (path.isEmpty() || path.charAt(0) == '[') {
            return; // anonymous, heap, stack, vdso: nothing another process can map by name
        }
        long[] sum = mine.computeIfAbsent(path, p -> new long[3]);
        sum[0] += Math.max(0, figures[RSS]);
        sum[1] += Math.max(0, figures[PSS]);
        sum[2] += Math.max(0, figures[SWAP]);
    }

    /** Running sums for one path. */
    private static final class Totals {
        final MappingKind kind;
        final List<SharedMapping.User> users = new ArrayList<>(2);
        long rss;
        long pss;
        long swap;

        Totals(String path) {
            this.kind = MappingKind.of(path);
        }

        void add(SharedMapping.User user, long userSwap) {
            users.add(user);
            rss += user.rss();
            pss += user.pss();
            swap += userSwap;
        }

        Totals plus(Totals o) {
            users.addAll(o.users);
            rss += o.rss;
            pss += o.pss;
            swap += o.swap;
            return this;
        }

        SharedMapping toShared(String path) {
            users.sort((a, b) -> a.rss() != b.rss() ? Long.compare(b.rss(), a.rss()) : Integer.compare(a.pid(), b.pid()));
            return new SharedMapping(path, kind, rss, pss, swap, users);
        }
    }
}
