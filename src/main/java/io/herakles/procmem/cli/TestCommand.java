package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.Aggregation;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.runtime.RunningSystem;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code test}: one or more complete collection passes with the effective configuration, printing
 * the top processes by USS (what upstream's wiki promised; its code printed the first 10 entries).
 */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run collection passes and print the top 10 processes by USS.")
final class TestCommand implements Callable<Integer> {

    private static final int TOP = 10;
    private static final double MB = 1024.0 * 1024.0;

    @ParentCommand
    RootCommand root;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", description = "Passes to run (default 1).")
    int iterations = 1;

    @Option(names = "--verbose", description = "Also show the command line and the rule that matched.")
    boolean verbose;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text|json (default text).")
    String format = "text";

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("--format: expected text or json, got '" + format + "'");
        }
        if (iterations < 1) {
            throw new UserError("--iterations must be >= 1, got " + iterations);
        }
        Optional<ExporterConfig> config = root.validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Rules rules = Rules.strict();
        for (int i = 1; i <= iterations; i++) {
            Optional<Snapshot> snapshot = RunningSystem.onePass(config.get(), rules, Duration.ofSeconds(60));
            if (snapshot.isEmpty()) {
                throw new UserError("no collection pass finished within 60 s");
            }
            if (format.equals("json")) {
                root.out.println(json(i, snapshot.get()));
            } else {
                text(root.out, i, snapshot.get());
            }
        }
        if (format.equals("text")) {
            root.out.println("✅ Test completed successfully");
        }
        return ExitCodes.OK;
    }

    private void text(PrintStream out, int iteration, Snapshot s) {
        List<ProcessSample> top = Aggregation.topByUss(s.processes(), TOP);
        out.printf(Locale.ROOT, "🔄 Iteration %d: found %d process entries (source %s)%n", iteration,
                s.processes().size(), s.source());
        out.printf(Locale.ROOT, "%8s  %-16s %-28s %10s %10s %10s %7s%n", "PID", "NAME", "GROUP/SUBGROUP",
                "RSS MB", "PSS MB", "USS MB", "CPU %");
        for (ProcessSample p : top) {
            out.printf(Locale.ROOT, "%8d  %-16s %-28s %10.1f %10s %10s %7.1f%n", p.pid(), clip(p.name(), 16),
                    clip(p.group().toString(), 28), p.rssBytes() / MB, mb(p.pssBytes()), mb(p.ussBytes()),
                    p.cpuPercent());
            if (verbose) {
                out.println("          rule: " + (p.matchedRule().isEmpty() ? "(none)" : p.matchedRule())
                        + "  cmdline: " + clip(p.cmdline(), 100));
            }
        }
        long known = s.processes().stream().filter(p -> p.ussBytes().isPresent()).count();
        out.printf(Locale.ROOT, "⏱️  Scan duration: %.1f ms | PSS/USS readable: %d of %d | vanished: %d | denied: %d%n",
                s.stats().durationSeconds() * 1000, known, s.processes().size(), s.stats().vanished(),
                s.stats().permissionDenied());
        var totals = Aggregation.totals(io.herakles.procmem.model.GroupKey.OTHER, s.processes());
        out.printf(Locale.ROOT, "📊 Totals: RSS %.1f MB | PSS %.1f MB | USS %.1f MB%n%n", totals.rssBytes() / MB,
                totals.pssBytes() / MB, totals.ussBytes() / MB);
    }

    private static String json(int iteration, Snapshot s) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("iteration", iteration);
        root.put("source", s.source());
        root.put("processes_found", s.processes().size());
        root.put("scan_duration_ms", s.stats().durationSeconds() * 1000);
        ArrayNode top = root.putArray("top_by_uss");
        for (ProcessSample p : Aggregation.topByUss(s.processes(), TOP)) {
            ObjectNode n = top.addObject();
            n.put("pid", p.pid());
            n.put("name", p.name());
            n.put("group", p.group().group());
            n.put("subgroup", p.group().subgroup());
            n.put("rss", p.rssBytes());
            putOptional(n, "pss", p.pssBytes());
            putOptional(n, "uss", p.ussBytes());
            n.put("cpu_percent", p.cpuPercent());
            n.put("matched_rule", p.matchedRule());
        }
        return root.toString();
    }

    private static void putOptional(ObjectNode n, String field, OptionalLong v) {
        if (v.isPresent()) {
            n.put(field, v.getAsLong());
        } else {
            n.putNull(field);
        }
    }

    private static String mb(OptionalLong v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsLong() / MB) : "—";
    }

    private static String clip(String s, int width) {
        String oneLine = s.replace('\n', ' ');
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
}
