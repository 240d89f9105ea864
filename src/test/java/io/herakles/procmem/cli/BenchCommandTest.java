package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.collect.FakeProc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @TempDir
    Path dir;

    private InProcessCli result;

    /** Runs {@code bench ARGS}; the output checks below read this run's streams. */
    private int bench(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        result = InProcessCli.run(all);
        return result.exitCode();
    }

    private String output() {
        return result.stdout();
    }

    @Test
    void printsAResultLineOverAProcTree() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(1, "a").rollup(100, 60, 0, 40);
        proc.pid(2, "b").rollup(100, 60, 0, 40);
        int rc = bench("--procfs", dir.toString(), "-n", "3", "-w", "0", "-j", "1");
        assertThat(rc).isZero();
        String last = output().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("RESULT impl=java scope=all threads=1 passes=3 procs=2 ")
                .contains("pss_mib=0.1").contains("uss_mib=0.1");
        assertThat(output()).contains("pass 3:");
    }

    @Test
    void pidFileRestrictsThePass() throws Exception {
        FakeProc proc = new FakeProc(dir.resolve("proc"));
        proc.pid(1, "a");
        proc.pid(2, "b");
        Path pids = dir.resolve("pids");
        Files.writeString(pids, "2\n");
        int rc = bench("--procfs", proc.root().toString(), "-P", pids.toString(), "-n", "1",
            "-q");
        assertThat(rc).isZero();
        assertThat(output()).contains("scope=pidfile").contains("procs=1 ");
    }

    @Test
    void changeDrivenPassesReadOnlyTheirShareOfRollups() {
        FakeProc proc = new FakeProc(dir);
        for (int pid = 1; pid <= 10; pid++) {
            proc.pid(pid, "p" + pid);
        }
        int rc = bench("--procfs", dir.toString(), "-n", "10", "-w", "0", "-j", "1", "-q",
            "--max-age", "10", "--tick", "2000");
        assertThat(rc).isZero();
        String last = output().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains(" max_age_s=10 tick_ms=2000 ").contains(" us_per_proc_mean=");
        // 20 simulated seconds of unchanged processes: each read once or twice, not in every pass
        double rollups = Double.parseDouble(last.replaceAll(".* rollups_per_pass=([0-9.]+) .*", "$1"));
        assertThat(rollups).isBetween(1.0, 3.0);
    }

    @Test
    void completePassesReadEveryRollup() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(1, "a");
        proc.pid(2, "b");
        assertThat(bench("--procfs", dir.toString(), "-n", "2", "-w", "0", "-q"))
                .isZero();
        assertThat(output()).contains(" max_age_s=0 tick_ms=0 ").contains(" rollups_per_pass=2.0 ");
    }

    @Test
    void optionsAfterADoubleDashAreStillOptions() {
        // scripts and recorded runs call `bench -- -n 20 ...`, from when bench parsed its own arguments
        FakeProc proc = new FakeProc(dir);
        proc.pid(1, "a");
        assertThat(bench("--procfs", dir.toString(), "--", "-n", "2", "-w", "0", "-j", "1", "-q")).isZero();
        assertThat(output()).startsWith("RESULT impl=java scope=all threads=1 passes=2 procs=1 ");
    }

    @Test
    void badOptionsGiveAOneLineMessage() {
        assertThat(bench("-n", "zero")).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("-n", "'zero'").doesNotContain("Exception");
        assertThat(bench("--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("Unknown option: '--bogus'");
        assertThat(bench("-P", dir.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("cannot read pid file");
        assertThat(bench("--max-age", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("--max-age must be 1..86400, got 0");
        assertThat(bench("-n", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("-n must be 1..1000, got 0");
        assertThat(bench("-s", "100", "-t", "5")).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stderr()).contains("--ticks");
    }

    @Test
    void helpNamesTheSubcommandAndListsItsOptions() {
        assertThat(bench("--help")).isZero();
        assertThat(output()).contains("Usage: herakles-proc-mem bench", "-n=PASSES", "--max-age=SECONDS", "--ticks=N",
                "--procfs", "--parallelism").doesNotContain("benchmark", "--port");
    }
}
