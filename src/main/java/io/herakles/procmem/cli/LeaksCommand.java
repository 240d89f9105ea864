package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.analysis.LeakFinder;
import io.herakles.procmem.analysis.LeakReport;
import io.herakles.procmem.analysis.LeakSuspect;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.export.snapshot.SnapshotFileException;
import io.herakles.procmem.model.MemoryMetric;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code leaks RECORDING}: processes and subgroups whose memory grows steadily, fastest first. */
@Command(name = "leaks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rank leak suspects in a recording: steady growth (Theil-Sen slope, MiB/h), how steady,",
            "since when, and the time until available memory runs out at that rate.",
            "Noise, one-off jumps and sawtooth (garbage-collected heaps) are not flagged."})
final class LeaksCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "RECORDING")
    Path recording;

    @Option(names = "--metric", paramLabel = "METRIC", description = "uss|pss|rss (default uss).")
    String metric = "uss";

    @Option(names = "--format", paramLabel = "FORMAT", description = "text|json (default text).")
    String format = "text";

    @Override
    public Integer call() {
        MemoryMetric m = Choice.of("--metric", metric, MemoryMetric.class);
        Choice.requireFormat(format);
        LeakFinder finder = LeakFinder.recording(m);
        try {
            RecordingReader.Summary summary = RecordingReader.stream(recording, finder::add);
            summary.cutShort().ifPresent(c -> root.err.println("Warning: " + c));
            if (summary.samples() == 0) {
                throw new UserError(recording + ": recording holds no complete sample");
            }
        } catch (SnapshotFileException e) {
            throw new UserError(e.getMessage());
        }
        LeakReport report = finder.report();
        if (format.equals("json")) {
            root.out.println(json(report));
        } else {
            text(root.out, report);
        }
        return ExitCodes.OK;
    }

    private void text(PrintStream out, LeakReport r) {
        out.printf(Locale.ROOT, "Leak suspects by %s in %s: %d samples, %s → %s%n", r.metric(), recording, r.samples(),
                r.from(), r.to());
        if (r.samples() < LeakFinder.MIN_SAMPLES) {
            out.printf(Locale.ROOT, "(too short to judge: a trend needs at least %d samples)%n", LeakFinder.MIN_SAMPLES);
        }
        section(out, "Processes", r.processes(), true);
        section(out, "Subgroups", r.subgroups(), false);
    }

    private static void section(PrintStream out, String title, List<LeakSuspect> suspects, boolean processes) {
        out.println();
        if (suspects.isEmpty()) {
            out.println(title + ": none growing steadily");
            return;
        }
        out.println(title + ":");
        out.printf(Locale.ROOT, "%10s %7s %10s %10s  %-20s  %-10s %s%n", "MiB/h", "STEADY", "FIRST MiB", "LAST MiB",
                "SINCE", "EXHAUSTS", processes ? "PID      NAME (GROUP/SUBGROUP)" : "SUBGROUP");
        for (LeakSuspect s : suspects) {
            String name = processes ? String.format(Locale.ROOT, "%-8d %s (%s)", s.pid().orElse(0), s.label(), s.group())
                    : s.label();
            out.printf(Locale.ROOT, "%10.1f %6.0f%% %10s %10s  %-20s  %-10s %s%n", s.mibPerHour(), s.steadiness() * 100,
                    Mib.of(s.firstBytes()), Mib.of(s.lastBytes()), s.since(),
                    s.untilExhausted().map(LeaksCommand::human).orElse("—"), name);
        }
    }

    static String human(Duration d) {
        long h = d.toHours();
        if (h >= 48) {
            return (h / 24) + " d";
        }
        if (h >= 1) {
            return h + " h";
        }
        return Math.max(1, d.toMinutes()) + " min";
    }

    private static String json(LeakReport r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode n = mapper.createObjectNode();
        n.put("metric", r.metric().name().toLowerCase(Locale.ROOT));
        n.put("samples", r.samples());
        n.put("from", r.from().toString());
        n.put("to", r.to().toString());
        suspects(n.putArray("processes"), r.processes());
        suspects(n.putArray("subgroups"), r.subgroups());
        return n.toString();
    }

    private static void suspects(ArrayNode out, List<LeakSuspect> suspects) {
        for (LeakSuspect s : suspects) {
            ObjectNode o = out.addObject();
            o.put("name", s.label());
            s.pid().ifPresent(p -> o.put("pid", p));
            o.put("group", s.group().group());
            o.put("subgroup", s.group().subgroup());
            o.put("mib_per_hour", s.mibPerHour());
            o.put("steadiness", s.steadiness());
            o.put("since", s.since().toString());
            o.put("first_bytes", s.firstBytes());
            o.put("last_bytes", s.lastBytes());
            if (s.untilExhausted().isPresent()) {
                o.put("hours_until_exhausted", s.untilExhausted().get().toSeconds() / 3600.0);
            } else {
                o.putNull("hours_until_exhausted");
            }
            o.put("samples", s.samples());
        }
    }
}
