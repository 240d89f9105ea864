import io.herakles.procmem.export.recording.Recording;
import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.export.snapshot.SnapshotJsonWriter;
import io.herakles.procmem.export.snapshot.SyntheticSnapshots;
import io.herakles.procmem.model.Aggregation;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Recording and diff workloads for scripts/recording-bench.sh; run with the jar on the class path.
 *
 * <pre>
 *   write FILE PROCESSES SAMPLES [MOVING]
 *                                  a synthetic recording (5 s apart, values drifting a little per
 *                                  sample as a real system does; with MOVING below 1 only that
 *                                  share of the processes moves in a sample, the rest as idle
 *                                  processes stay): bytes_per_sample, projected_8h_mb (5760
 *                                  samples), write_ms_per_sample
 *   open FILE STEPS                opens it as the desktop does: open_ms (index the file from its
 *                                  members' tags and decode the first sample; a version-1 file is
 *                                  read whole), first_sample_ms (the first sample decoded and
 *                                  grouped, as the window shows it), then STEPS jumps (the sample
 *                                  nearest a random time, decoded and grouped by subgroup as the
 *                                  views group it: jump_step_ms_p50, _p90, _max) and STEPS drag
 *                                  steps (each up to 5 samples on or back: drag_step_ms_…)
 *   snapshots A B PROCESSES        two snapshot files of PROCESSES processes for a diff
 * </pre>
 * Prints one line of key=value pairs.
 */
public final class RecordingBench {

    public static void main(String[] args) throws Exception {
        switch (args.length > 0 ? args[0] : "") {
            case "write" -> write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 ? Double.parseDouble(args[4]) : 1.0);
            case "open" -> open(Path.of(args[1]), Integer.parseInt(args[2]));
            case "snapshots" -> snapshots(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            // the desktop's JVM flags, so that `open` runs in the heap the app really has
            case "desktop-flags" -> System.out.println(String.join(" ",
                    io.herakles.procmem.launch.TunedFlags.DESKTOP));
            default -> throw new IllegalArgumentException("usage: write|open|snapshots|desktop-flags ...");
        }
    }

    private static Snapshot drifted(Snapshot base, int i, SplittableRandom random) {
        return drifted(base, base, i, random, 1.0);
    }

    /**
     * Sample {@code i}: each process's figures drifted from {@code base} with probability
     * {@code moving} (1: every process, drawing no extra random number), else as in {@code previous}.
     */
    private static Snapshot drifted(Snapshot base, Snapshot previous, int i, SplittableRandom random, double moving) {
        List<ProcessSample> ps = new ArrayList<>(base.processes().size());
        for (int k = 0; k < base.processes().size(); k++) {
            ProcessSample p = base.processes().get(k);
            if (moving < 1.0 && random.nextDouble() >= moving) {
                ps.add(previous.processes().get(k));
                continue;
            }
            long uss = p.ussBytes().orElse(0) + random.nextLong(64) * 4096;
            ps.add(p.toBuilder().ussBytes(uss).rssBytes(p.rssBytes() + random.nextLong(64) * 4096)
                    .cpuPercent(random.nextDouble() * 3).cpuTimeSeconds(p.cpuTimeSeconds() + i * 0.05).build());
        }
        return new Snapshot(i, base.takenAt().plusSeconds(5L * i), base.source(), ps, base.system(), base.stats());
    }

    private static void write(Path file, int processes, int samples, double moving) throws Exception {
        Snapshot base = SyntheticSnapshots.generate(processes, 42);
        SplittableRandom random = new SplittableRandom(7);
        Snapshot previous = base;
        long nanos = 0;
        long headerBytes;
        try (RecordingWriter w = RecordingWriter.create(file, RecordingHeader.now(Instant.now(), Duration.ofSeconds(5),
                "synthetic"), true)) {
            headerBytes = w.size();
            for (int i = 0; i < samples; i++) {
                Snapshot s = drifted(base, previous, i, random, moving);
                previous = s;
                long t0 = System.nanoTime();
                w.append(s);
                nanos += System.nanoTime() - t0;
            }
        }
        double perSample = (double) (Files.size(file) - headerBytes) / samples;
        System.out.printf(Locale.ROOT, "processes=%d samples=%d bytes_per_sample=%.0f projected_8h_mb=%.0f"
                + " write_ms_per_sample=%.1f%n", processes, samples, perSample, perSample * 5760 / 1e6,
                nanos / 1e6 / samples);
    }

    private static void open(Path file, int steps) throws Exception {
        long t0 = System.nanoTime();
        long[] firstNanosBox = new long[1];
        // as the desktop opens a large file: the first sample is shown (grouped) as soon as it is read
        Recording r = RecordingReader.read(file, first -> {
            Aggregation.groupByKey(first.processes());
            firstNanosBox[0] = System.nanoTime() - t0;
        });
        long openNanos = System.nanoTime() - t0;
        long firstNanos = firstNanosBox[0];
        new io.herakles.procmem.ui.app.TimelineHeapRoom().roomy(true);    // as the window does once the timeline shows
        SplittableRandom random = new SplittableRandom(3);
        long[] jump = new long[steps];
        Instant from = r.first().takenAt();
        long span = Duration.between(from, r.last().takenAt()).toMillis() + 1;
        for (int i = 0; i < steps; i++) {
            long s0 = System.nanoTime();
            Snapshot at = r.nearest(from.plusMillis(random.nextLong(span)));
            Aggregation.groupByKey(at.processes());
            jump[i] = System.nanoTime() - s0;
        }
        // dragging the slider: each step a few samples on or back from the last (a drag event moves a
        // few pixels, and a sample is a pixel or two of a slider across the window)
        long[] drag = new long[steps];
        int at = random.nextInt(r.size());
        for (int i = 0; i < steps; i++) {
            at = Math.max(0, Math.min(r.size() - 1, at + random.nextInt(-5, 6)));
            long s0 = System.nanoTime();
            Aggregation.groupByKey(r.samples().get(at).processes());
            drag[i] = System.nanoTime() - s0;
        }
        java.util.Arrays.sort(jump);
        java.util.Arrays.sort(drag);
        System.out.printf(Locale.ROOT, "samples=%d open_ms=%.0f first_sample_ms=%.0f"
                + " jump_step_ms_p50=%.2f jump_step_ms_p90=%.2f jump_step_ms_max=%.2f"
                + " drag_step_ms_p50=%.2f drag_step_ms_p90=%.2f drag_step_ms_max=%.2f%n", r.size(),
                openNanos / 1e6, firstNanos / 1e6, jump[steps / 2] / 1e6, jump[steps * 9 / 10] / 1e6,
                jump[steps - 1] / 1e6, drag[steps / 2] / 1e6, drag[steps * 9 / 10] / 1e6, drag[steps - 1] / 1e6);
    }

    private static void snapshots(Path a, Path b, int processes) throws Exception {
        Snapshot base = SyntheticSnapshots.generate(processes, 11);
        SnapshotJsonWriter.writeFile(base, a);
        SnapshotJsonWriter.writeFile(drifted(base, 720, new SplittableRandom(5)), b);
        System.out.printf(Locale.ROOT, "processes=%d a_bytes=%d b_bytes=%d%n", processes, Files.size(a), Files.size(b));
    }
}
