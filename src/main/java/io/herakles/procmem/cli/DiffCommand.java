package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.analysis.DiffLevel;
import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.analysis.MatchKind;
import io.herakles.procmem.analysis.SnapshotDiff;
import io.herakles.procmem.analysis.SnapshotDiffer;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code diff BEFORE AFTER}: what grew between two moments, by process, subgroup or group. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show what grew between two moments: snapshot files, recordings or live.",
            "BEFORE/AFTER: a snapshot file; a recording (its first sample as BEFORE, its last as AFTER);",
            "FILE@2026-12-04T10:00 (the recording's sample nearest that local time); or 'live'."})
final class DiffCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "BEFORE")
    String before;

    @Parameters(index = "1", paramLabel = "AFTER")
    String after;

    @Option(names = "--by", paramLabel = "LEVEL", description = "process|subgroup|group (default process).")
    String by = "process";

    @Option(names = "--metric", paramLabel = "METRIC", description = "uss|pss|rss (default uss).")
    String metric = "uss";

    @Option(names = "--top", paramLabel = "N", description = "Rows to show (default 20; 0 = all).")
    int top = 20;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text|json (default text).")
    String format = "text";

    @Override
    public Integer call() {
        DiffLevel level = Choice.of("--by", by, DiffLevel.class);
        MemoryMetric m = Choice.of("--metric", metric, MemoryMetric.class);
        Choice.requireFormat(format);
        if (top < 0) {
            throw new UserError("--top must be >= 0, got " + top);
        }
        Optional<ExporterConfig> config = root.validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        // the two sides are read at once: each is a file to parse (or a collection pass), and on two
        // cores that is most of a diff's time after the JVM's start (docs/PERFORMANCE.md, recordings)
        CompletableFuture<Snapshot> afterRead = readInBackground(after, config.get());
        Snapshot b = Moments.resolve(before, Moments.End.FIRST, config.get(), root.err);
        Snapshot a = joined(afterRead);
        SnapshotDiff diff = SnapshotDiffer.diff(b, a, level, m);
        List<DiffRow> shown = top == 0 ? diff.rows() : diff.rows().subList(0, Math.min(top, diff.rows().size()));
        if (format.equals("json")) {
            root.out.println(json(diff, shown));
        } else {
            text(root.out, diff, shown);
        }
        return ExitCodes.OK;
    }

    private CompletableFuture<Snapshot> readInBackground(String argument, ExporterConfig config) {
        return CompletableFuture.supplyAsync(() -> Moments.resolve(argument, Moments.End.LAST, config, root.err), task -> {
            Thread reader = new Thread(task, "diff-after");
            reader.setDaemon(true);     // when BEFORE fails, its error is the answer and this read is dropped
            reader.start();
        });
    }

    /** The background read's snapshot, or its own exception (a UserError says what was wrong with AFTER). */
    private static Snapshot joined(CompletableFuture<Snapshot> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void text(PrintStream out, SnapshotDiff d, List<DiffRow> rows) {
        String unit = d.metric().name();
        out.printf(Locale.ROOT, "Δ %s by %s: %s (%s) → %s (%s)%n", unit, d.level().name().toLowerCase(Locale.ROOT),
                before, d.beforeTime(), after, d.afterTime());
        boolean processes = d.level() == DiffLevel.PROCESS;
        out.printf(Locale.ROOT, "%10s %10s %10s  %-7s %-8s %s%n", "Δ MiB", "BEFORE", "AFTER", "STATUS", "MATCH",
                processes ? "PID      NAME (GROUP/SUBGROUP)" : "NAME");
        for (DiffRow r : rows) {
            String name = processes ? String.format(Locale.ROOT, "%-8s %s (%s)", pids(r), r.label(), r.group())
                    : r.label();
            out.printf(Locale.ROOT, "%10s %10s %10s  %-7s %-8s %s%n", Mib.signed(r.delta()), Mib.of(r.before()),
                    Mib.of(r.after()), status(r), match(r.matchedBy()), name);
        }
        out.printf(Locale.ROOT, "Total %s: %s → %s MiB (%s MiB); %d new, %d gone", unit, Mib.of(d.totalBefore()),
                Mib.of(d.totalAfter()), Mib.signed(OptionalLong.of(d.totalDelta())), d.count(DiffRow.Status.NEW),
                d.count(DiffRow.Status.GONE));
        if (processes) {
            out.printf(Locale.ROOT, "; paired by pid+start time %d, by group/subgroup/name/cmdline %d",
                    d.count(MatchKind.PID), d.count(MatchKind.IDENTITY));
        }
        out.println();
        if (rows.size() < d.rows().size()) {
            out.printf(Locale.ROOT, "(%d of %d rows; --top 0 shows all)%n", rows.size(), d.rows().size());
        }
    }

    private static String pids(DiffRow r) {
        OptionalInt b = r.pidBefore();
        OptionalInt a = r.pidAfter();
        if (b.isPresent() && a.isPresent() && b.getAsInt() != a.getAsInt()) {
            return b.getAsInt() + "→" + a.getAsInt();
        }
        return String.valueOf(a.isPresent() ? a.getAsInt() : b.getAsInt());
    }

    private static String status(DiffRow r) {
        return r.status().name().toLowerCase(Locale.ROOT);
    }

    private static String match(MatchKind k) {
        return switch (k) {
            case PID -> "pid";
            case IDENTITY -> "name";
            case KEY -> "key";
            case NONE -> "-";
        };
    }

    private String json(SnapshotDiff d, List<DiffRow> rows) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = mapper.createObjectNode();
        n.put("by", d.level().name().toLowerCase(Locale.ROOT));
        n.put("metric", d.metric().name().toLowerCase(Locale.ROOT));
        n.put("before", before);
        n.put("before_time", d.beforeTime().toString());
        n.put("after", after);
        n.put("after_time", d.afterTime().toString());
        n.put("total_before_bytes", d.totalBefore());
        n.put("total_after_bytes", d.totalAfter());
        n.put("total_delta_bytes", d.totalDelta());
        n.put("new", d.count(DiffRow.Status.NEW));
        n.put("gone", d.count(DiffRow.Status.GONE));
        n.put("rows_total", d.rows().size());
        ArrayNode out = n.putArray("rows");
        for (DiffRow r : rows) {
            ObjectNode o = out.addObject();
            o.put("name", r.label());
            o.put("group", r.group().group());
            if (d.level() != DiffLevel.GROUP) {
                o.put("subgroup", r.group().subgroup());
            }
            putInt(o, "pid_before", r.pidBefore());
            putInt(o, "pid_after", r.pidAfter());
            putLong(o, "before_bytes", r.before());
            putLong(o, "after_bytes", r.after());
            putLong(o, "delta_bytes", r.delta());
            o.put("status", status(r));
            o.put("matched_by", r.matchedBy().name().toLowerCase(Locale.ROOT));
        }
        return n.toString();
    }

    private static void putInt(ObjectNode o, String field, OptionalInt v) {
        if (v.isPresent()) {
            o.put(field, v.getAsInt());
        }
    }

    static void putLong(ObjectNode o, String field, OptionalLong v) {
        if (v.isPresent()) {
            o.put(field, v.getAsLong());
        } else {
            o.putNull(field);
        }
    }
}
