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

/**
 * One pass over every process's {@code smaps}: for each file or shared-memory segment mapped by two
 * or more processes, how many map it and their RSS, PSS and swap summed. Reading every
 * {@code smaps} makes the kernel walk every page table, so this runs on demand only, never on a
 * tick. Anonymous, heap, stack and vdso mappings have no identity across processes and are left out.
 *
 * <p>Never throws: denied and vanished processes are counted. Cancellation is polled between
 * processes. Not thread-safe: one scan per instance at a time.
 */
public final class SharedMappingScan {

    private static final int RSS = MappingFigure.RSS.ordinal();
    private static final int PSS = MappingFigure.PSS.ordinal();
    private static final int SWAP = MappingFigure.SWAP.ordinal();

    private final ProcFs procFs;
    private final MapsReader reader;

    public SharedMappingScan(ProcFs procFs) {
        this.procFs = procFs;
        this.reader = new MapsReader(procFs);
    }

    /** Scans every process, reporting progress to and polling cancellation from {@code progress}. */
    public SharedMemoryReport run(ScanProgress progress) {
        long t0 = System.nanoTime();
        int[] pids = procFs.listPids(Integer.MAX_VALUE);
        Map<String, Totals> all = new HashMap<>();
        Map<String, long[]> mine = new HashMap<>();
        int scanned = 0;
        int denied = 0;
        int gone = 0;
        boolean cancelled = false;
        for (int i = 0; i < pids.length; i++) {
            if (progress.cancelled() || Thread.currentThread().isInterrupted()) {
                cancelled = true;
                break;
            }
            int pid = pids[i];
            mine.clear();
            switch (reader.scan(pid, (h, f) -> addMapping(mine, h.path(), f)).status()) {
                case OK -> {
                    scanned++;
                    addProcess(all, mine, pid);
                }
                case DENIED -> denied++;
                case GONE -> gone++;
                default -> { } // kernel threads and zombies have nothing to share
            }
            progress.progress(i + 1, pids.length);
        }
        List<SharedMapping> shared = new ArrayList<>();
        for (Map.Entry<String, Totals> e : all.entrySet()) {
            if (e.getValue().users.size() >= 2) {
                shared.add(e.getValue().toShared(e.getKey()));
            }
        }
        shared.sort(SharedMapping.MOST_OVERSTATED_FIRST);
        return new SharedMemoryReport(shared, scanned, denied, gone, cancelled,
                Duration.ofNanos(System.nanoTime() - t0));
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

    private void addProcess(Map<String, Totals> all, Map<String, long[]> mine, int pid) {
        if (mine.isEmpty()) {
            return;
        }
        String name = reader.name(pid).orElse("?");
        for (Map.Entry<String, long[]> e : mine.entrySet()) {
            long[] v = e.getValue();
            all.computeIfAbsent(e.getKey(), Totals::new).add(new SharedMapping.User(pid, name, v[0], v[1]), v[2]);
        }
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

        SharedMapping toShared(String path) {
            users.sort((a, b) -> a.rss() != b.rss() ? Long.compare(b.rss(), a.rss()) : Integer.compare(a.pid(), b.pid()));
            return new SharedMapping(path, kind, rss, pss, swap, users);
        }
    }
}
