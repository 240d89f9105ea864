package io.herakles.procmem.cli;

import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.classify.SubgroupReports;
import io.herakles.procmem.collect.PidReader;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.SmapsRollup;
import io.herakles.procmem.config.ConfigRenderer;
import io.herakles.procmem.config.ConfigValidator;
import io.herakles.procmem.config.ExporterConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code check}: is this machine ready? Upstream's report and exit codes (0 all passed, 1 otherwise). */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check system requirements: /proc access, memory figures, configuration, rules.")
final class CheckCommand implements Callable<Integer> {

    private static final long MB = 1024 * 1024;

    @ParentCommand
    RootCommand root;

    @Option(names = "--memory", description = "Check that this process's PSS/USS can be read.")
    boolean memory;

    @Option(names = "--proc", description = "Check that the proc filesystem can be read.")
    boolean proc;

    @Option(names = "--all", description = "All checks.")
    boolean all;

    @Override
    public Integer call() {
        PrintStream out = root.out;
        out.println("🔍 Herakles system check");
        boolean ok = true;
        Optional<ExporterConfig> config = Optional.empty();
        String configLine;
        try {
            ExporterConfig c = root.resolve().config();
            Optional<String> error = ConfigValidator.firstError(c);
            configLine = ConfigRenderer.checkResult(error);
            config = error.isPresent() ? Optional.empty() : Optional.of(c);
        } catch (RuntimeException e) {
            configLine = "❌ Configuration invalid: " + e.getMessage();
        }
        ProcFs procFs = new ProcFs(Path.of(config.map(ExporterConfig::procfs).orElse("/proc")));
        if (proc || all) {
            ok &= checkProc(out, procFs);
        }
        if (memory || all) {
            ok &= checkMemory(out, procFs);
        }
        out.println("\n⚙️  Configuration");
        out.println("   " + configLine);
        ok &= config.isPresent();
        out.println("\n🏷️  Classification");
        RuleSet rules = RuleLoader.defaults().load();
        String rulesLine = SubgroupReports.checkLine(rules);
        out.println("   " + rulesLine);
        // a broken custom rules file stops the exporter (file:line, exit 1): not ready
        rules.errors().forEach(e -> out.println("   ❌ " + e));
        ok &= rulesLine.startsWith("✅") && rules.errors().isEmpty();
        out.println();
        out.println(ok ? "✅ All checks passed - system is ready" : "❌ Some checks failed - please review warnings");
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static boolean checkProc(PrintStream out, ProcFs procFs) {
        out.println("\n📁 Proc filesystem (" + procFs.root() + ")");
        if (!Files.isDirectory(procFs.root())) {
            out.println("   ❌ " + procFs.root() + " not found");
            return false;
        }
        out.println("   ✅ " + procFs.root() + " exists");
        PidReader reader = new PidReader(procFs);
        int readable = 0;
        for (int pid : procFs.listPids(Integer.MAX_VALUE)) {
            if (reader.stat(pid).isPresent() && ++readable == 5) {
                break;
            }
        }
        if (readable == 0) {
            out.println("   ❌ Cannot read any process entries from " + procFs.root());
            return false;
        }
        out.println("   ✅ Can read " + readable + " process entries");
        return true;
    }

    private static boolean checkMemory(PrintStream out, ProcFs procFs) {
        out.println("\n🧠 Memory figures (this process)");
        int self = (int) ProcessHandle.current().pid();
        if (Files.exists(procFs.pidFile(self, "smaps_rollup"))) {
            out.println("   ✅ smaps_rollup available (fast path)");
        } else if (Files.exists(procFs.pidFile(self, "smaps"))) {
            out.println("   ⚠️ smaps available (slow path)");
        } else {
            out.println("   ❌ neither smaps_rollup nor smaps is available for pid " + self
                    + " (is " + procFs.root() + " this machine's proc filesystem?)");
            return false;
        }
        Optional<SmapsRollup> rollup = new PidReader(procFs).rollup(self);
        if (rollup.isEmpty()) {
            out.println("   ❌ cannot parse the memory figures of pid " + self);
            return false;
        }
        SmapsRollup r = rollup.get();
        out.println("   ✅ RSS: " + r.rss() / MB + " MB, PSS: " + r.pss() / MB + " MB, USS: " + r.uss() / MB + " MB");
        return true;
    }
}
