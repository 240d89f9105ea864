package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.collect.FakeProc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsAResultLineOverAProcTree() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(1, "a").rollup(100, 60, 0, 40);
        proc.pid(2, "b").rollup(100, 60, 0, 40);
        int rc = BenchmarkCommand.run(new String[] {"--procfs", dir.toString(), "-n", "3", "-w", "0", "-j", "1"}, out);
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
        int rc = BenchmarkCommand.run(new String[] {"--procfs", proc.root().toString(), "-P", pids.toString(), "-n", "1",
            "-q"}, out);
        assertThat(rc).isZero();
        assertThat(output()).contains("scope=pidfile").contains("procs=1 ");
    }

    @Test
    void changeDrivenPassesReadOnlyTheirShareOfRollups() {
        FakeProc proc = new FakeProc(dir);
        for (int pid = 1; pid <= 10; pid++) {
            proc.pid(pid, "p" + pid);
        }
        int rc = BenchmarkCommand.run(new String[] {"--procfs", dir.toString(), "-n", "10", "-w", "0", "-j", "1", "-q",
            "--max-age", "10", "--tick", "2000"}, out);
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
        assertThat(BenchmarkCommand.run(new String[] {"--procfs", dir.toString(), "-n", "2", "-w", "0", "-q"}, out))
                .isZero();
        assertThat(output()).contains(" max_age_s=0 tick_ms=0 ").contains(" rollups_per_pass=2.0 ");
    }

    @Test
    void badOptionsGiveAOneLineMessage() {
        assertThat(BenchmarkCommand.run(new String[] {"-n", "zero"}, out)).isEqualTo(2);
        assertThat(output()).contains("-n must be a number, got 'zero'").doesNotContain("Exception");
        assertThat(BenchmarkCommand.run(new String[] {"--bogus"}, out)).isEqualTo(2);
        assertThat(output()).contains("unknown option '--bogus'");
        assertThat(BenchmarkCommand.run(new String[] {"-P", dir.resolve("missing").toString()}, out)).isEqualTo(2);
        assertThat(output()).contains("cannot read pid file");
        assertThat(BenchmarkCommand.run(new String[] {"--max-age", "0"}, out)).isEqualTo(2);
        assertThat(output()).contains("--max-age must be 1..86400, got 0");
    }
}
