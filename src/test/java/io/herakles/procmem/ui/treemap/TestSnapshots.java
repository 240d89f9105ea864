package io.herakles.procmem.ui.treemap;

import io.herakles.procmem.model.CollectionStats;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.model.SystemSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Snapshots for UI tests and benchmarks. */
public final class TestSnapshots {

    private TestSnapshots() {}

    public static ProcessSample process(int pid, String group, String subgroup, long rss, Long pss, Long uss) {
        ProcessSample.Builder b = ProcessSample.builder(pid, "proc" + pid)
                .group(new GroupKey(group, subgroup))
                .rssBytes(rss)
                .startTime(Instant.ofEpochSecond(1_000_000 + pid));
        if (pss != null) {
            b.pssBytes(pss);
        }
        if (uss != null) {
            b.ussBytes(uss);
        }
        return b.build();
    }

    public static Snapshot snapshot(long sequence, Instant at, List<ProcessSample> processes) {
        return new Snapshot(sequence, at, "test", processes, SystemSample.UNKNOWN, CollectionStats.NONE);
    }

    public static Snapshot snapshot(List<ProcessSample> processes) {
        return snapshot(1, Instant.ofEpochSecond(2_000_000), processes);
    }

    /**
     * {@code n} processes in 12 groups × up to 6 subgroups, sizes spread over four orders of
     * magnitude (like a real machine: a few big, many small), about a tenth without PSS/USS.
     */
    public static Snapshot random(int n, long seed) {
        Random r = new Random(seed);
        List<ProcessSample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String group = "g" + r.nextInt(12);
            String sub = "s" + r.nextInt(6);
            long rss = (long) (4096 * Math.pow(10, 1 + r.nextDouble() * 4));
            boolean readable = r.nextInt(10) != 0;
            out.add(process(i + 1, group, sub, rss, readable ? rss * 3 / 4 : null, readable ? rss / 2 : null));
        }
        return snapshot(out);
    }
}
