package io.herakles.procmem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.maps.MapsGrouping;
import io.herakles.procmem.model.maps.MapsStatus;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.runtime.MemoryMaps;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code maps PID}: every mapping of one process's {@code smaps} (or its sums by path or kind);
 * {@code maps --all}: what files and segments several processes share, RSS summed against PSS
 * summed. A pid that is not a number, does not exist, cannot be read or is a kernel thread is one
 * line and exit 1.
 */
@Command(name = "maps", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Memory maps of one process (from /proc/PID/smaps), or with --all the files and"
                + " shared-memory segments several processes map, with RSS summed (what naive tools add up)"
                + " and PSS summed (what they really cost)."})
final class MapsCommand implements Callable<Integer> {

    enum Format { text, json }

    enum By { mapping, path, kind }

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PID", description = "The process.")
    String pid;

    @Option(names = "--all", description = "Scan every process: mappings shared by 2 or more.")
    boolean all;

    @Option(names = "--top", paramLabel = "N", description = "With --all: the N most overstated (default 20; 0 for all).")
    int top = 20;

    @Option(names = "--passes", paramLabel = "N", description = "With --all: scan N times and print each scan's"
            + " time, for benchmarks (default 1; the report is the last scan's).")
    int passes = 1;

    @Option(names = "--threads", paramLabel = "N", description = "With --all: scan on N threads (default: one per"
            + " core, at most 4).")
    Integer threads;

    @Option(names = "--by", paramLabel = "BY", description = "With PID: every mapping, or sums by path or by kind"
            + " (${COMPLETION-CANDIDATES}; default mapping).")
    By by = By.mapping;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default text).")
    Format format = Format.text;

    @Override
    public Integer call() throws Exception {
        if (all == (pid != null)) {
            throw new ParameterException(spec.commandLine(), all ? "give either PID or --all, not both"
                    : "missing PID (or --all for every process)");
        }
        if (top < 0) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 0, got " + top);
        }
        if (threads != null && (threads < 1 || threads > 64)) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1..64, got " + threads);
        }
        if (passes < 1 || passes > 1000) {
            throw new ParameterException(spec.commandLine(), "--passes must be 1..1000, got " + passes);
        }
        Optional<ExporterConfig> config = root.validConfig();
        if (config.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        MemoryMaps maps = new MemoryMaps(config.get());
        return all ? shared(maps) : one(maps, parsePid(pid));
    }

    static int parsePid(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below in one line
        }
        throw new UserError("not a process id: '" + ByteText.printable(text) + "' (a positive number, e.g. 1234)");
    }

    private int one(MemoryMaps service, int pid) throws Exception {
        ProcessMaps maps = service.of(pid);
        if (!maps.isOk()) {
            throw new UserError(maps.status() == MapsStatus.GONE ? "no process with pid " + pid : maps.reason());
        }
        String name = service.name(pid).orElse("?");
        if (format == Format.json) {
            ObjectNode json = by == By.mapping ? MapsReport.mappingsJson(maps, name)
                    : MapsReport.groupsJson(maps, name, by.name(), by == By.path
                            ? MapsGrouping.byPath(maps.mappings()) : MapsGrouping.byKind(maps.mappings()));
            print(json);
        } else if (by == By.mapping) {
            MapsReport.mappingsText(maps, name, root.out);
        } else {
            MapsReport.groupsText(maps, name, by == By.path
                    ? MapsGrouping.byPath(maps.mappings()) : MapsGrouping.byKind(maps.mappings()), root.out);
        }
        root.out.flush();
        return ExitCodes.OK;
    }

    private int shared(MemoryMaps service) throws Exception {
        if (!service.readsEveryProcess()) {
            root.err.println("Note: other users' processes are not readable (" + ProcessMaps.DENIED_HINT
                    + "); their mappings are left out.");
        }
        double[] millis = new double[passes];
        SharedMemoryReport report = null;
        for (int i = 0; i < passes; i++) {
            report = threads == null ? service.shared(ScanProgress.NONE) : service.shared(ScanProgress.NONE, threads);
            millis[i] = report.elapsed().toNanos() / 1e6;
        }
        if (format == Format.json) {
            ObjectNode json = SharedMapsReport.json(report, top);
            ArrayNode times = json.putArray("passes_ms");
            for (double ms : millis) {
                times.add(ms);
            }
            print(json);
        } else {
            SharedMapsReport.text(report, top, root.out);
            if (passes > 1) {
                StringBuilder sb = new StringBuilder("scan times (ms):");
                for (double ms : millis) {
                    sb.append(String.format(java.util.Locale.ROOT, " %.1f", ms));
                }
                root.out.println(sb);
            }
        }
        root.out.flush();
        return ExitCodes.OK;
    }

    private void print(ObjectNode json) throws Exception {
        root.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    }
}
