package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herakles.procmem.collect.FakeProc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maps} in this JVM on a fixture /proc: output formats, escaping and the one-line errors. */
class MapsCommandTest {

    @TempDir
    Path dir;

    private static final String HEAD = "     0 kB\nKernelPageSize: 4 kB\n";

    private static String mapping(String header, long rss, long pss, long privateDirty) {
        return header + "\nSize:   " + rss + " kB\nRss:    " + rss + " kB\nPss:    " + pss + " kB\n"
                + "Shared_Clean:  " + (rss - privateDirty) + " kB\nShared_Dirty: 0 kB\nPrivate_Clean: 0 kB\n"
                + "Private_Dirty: " + privateDirty + " kB\nSwap:   0 kB\nSwapPss: 0 kB\nLocked: 0 kB\n"
                + "AnonHugePages: 0 kB\nVmFlags: rd mr\n";
    }

    @BeforeEach
    void fixture() throws IOException {
        FakeProc proc = new FakeProc(dir);
        proc.pid(100, "app");
        proc.pid(101, "app2");
        proc.pid(2, "kthreadd").kernelThread();
        Files.writeString(dir.resolve("2/smaps"), "");
        String libc = mapping("7f00-8f00 r-xp 00000000 fe:00 77   /usr/lib/libc.so.6", 2000, 1000, 0);
        String shared = libc + mapping("a000-b000 rw-s 00000000 00:01 5   /dev/shm/seg (deleted)", 4096, 2048, 0);
        byte[] odd = ("1000-2000 r--p 00000000 fe:00 9   /tmp/odd\\012name ").getBytes(StandardCharsets.UTF_8);
        byte[] tail = (".dat\nRss: 4 kB\nPss: 4 kB\nPrivate_Dirty: 4 kB\n"
                + mapping("5000-6000 rw-p 00000000 00:00 0 ", 512, 512, 512)
                + mapping("6000-7000 rw-p 00000000 00:00 0      [heap]", 100, 100, 100) + shared)
                .getBytes(StandardCharsets.UTF_8);
        byte[] smaps = new byte[odd.length + 1 + tail.length];
        System.arraycopy(odd, 0, smaps, 0, odd.length);
        smaps[odd.length] = (byte) 0xff;
        System.arraycopy(tail, 0, smaps, odd.length + 1, tail.length);
        Files.write(dir.resolve("100/smaps"), smaps);
        Files.writeString(dir.resolve("101/smaps"), shared);
    }

    private InProcessCli run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "maps";
        all[1] = "--no-config";
        all[2] = "--procfs=" + dir;
        System.arraycopy(args, 0, all, 3, args.length);
        return InProcessCli.run(all);
    }

    @Test
    void everyMappingAsText() {
        InProcessCli r = run("100");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("pid 100 (app): 5 mappings, RSS 6.6 MiB, PSS 3.6 MiB, USS 616 KiB")
                .contains("/tmp/odd\\nname \\xff.dat", "[heap]", "/dev/shm/seg (deleted)", "shared memory",
                        "7f00-8f00", "r-xp");
        assertThat(r.stdout().lines().filter(l -> l.startsWith("TOTAL"))).hasSize(1);
    }

    @Test
    void jsonKeepsOddPathsAndAbsentFigures() throws Exception {
        InProcessCli r = run("100", "--format", "json");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.stdout());
        assertThat(json.path("pid").asInt()).isEqualTo(100);
        JsonNode first = json.path("mappings").get(0);
        assertThat(first.path("path").asText()).isEqualTo("/tmp/odd\nname \\xff.dat");
        assertThat(first.path("swap_pss_bytes").isNull()).isTrue();
        assertThat(first.path("rss_bytes").asLong()).isEqualTo(4096);
        assertThat(json.path("mappings").get(1).path("kind").asText()).isEqualTo("anonymous");
        assertThat(json.path("totals").path("pss_bytes").asLong()).isEqualTo((4 + 512 + 100 + 1000 + 2048) * 1024L);
    }

    @Test
    void groupedByKindAndByPath() throws Exception {
        InProcessCli kinds = run("100", "--by", "kind");
        assertThat(kinds.exitCode()).isZero();
        assertThat(kinds.stdout()).contains("[shared memory]", "[file]", "[heap]", "[anonymous]");
        JsonNode byPath = new ObjectMapper().readTree(run("100", "--by", "path", "--format", "json").stdout());
        assertThat(byPath.path("grouped_by").asText()).isEqualTo("path");
        assertThat(byPath.path("groups").get(0).path("name").asText()).isEqualTo("/dev/shm/seg (deleted)");
    }

    @Test
    void sharedAcrossProcesses() throws Exception {
        InProcessCli r = run("--all");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("seg (deleted): 2 processes, RSS 8 MiB, PSS 4 MiB",
                "libc.so.6: 2 processes, RSS 3.9 MiB, PSS 2.0 MiB", "app 100", "app2 101");
        JsonNode json = new ObjectMapper().readTree(run("--all", "--format", "json", "--top", "1").stdout());
        assertThat(json.path("shared")).hasSize(1);
        assertThat(json.path("shared_total").asInt()).isEqualTo(2);
        assertThat(json.path("shared").get(0).path("users")).hasSize(2);
        JsonNode timed = new ObjectMapper().readTree(run("--all", "--format", "json", "--passes", "3", "--threads", "1")
                .stdout());
        assertThat(timed.path("passes_ms")).hasSize(3);
        assertThat(run("--all", "--passes", "2").stdout()).containsPattern("scan times \\(ms\\): [0-9.]+ [0-9.]+");
    }

    @Test
    void badPidsAreOneLineAndExitOne() {
        assertOneLine(run("abc"), 1, "not a process id: 'abc'");
        assertOneLine(run("-5"), 1, "not a process id: '-5'");
        assertOneLine(run("0"), 1, "not a process id: '0'");
        assertOneLine(run("4242"), 1, "no process with pid 4242");
        assertOneLine(run("2"), 1, "pid 2 is a kernel thread");
    }

    @Test
    void usageMistakesExitTwo() {
        assertOneLine(run(), 2, "missing PID");
        assertOneLine(run("100", "--all"), 2, "not both");
        assertOneLine(run("100", "--format", "xml"), 2, "--format");
        assertOneLine(run("--all", "--top", "-1"), 2, "--top");
        assertOneLine(run("--all", "--passes", "0"), 2, "--passes");
        assertOneLine(run("--all", "--threads", "0"), 2, "--threads");
    }

    private static void assertOneLine(InProcessCli r, int code, String fragment) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(code);
        assertThat(r.stderr().lines().filter(l -> l.contains(fragment))).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.stdout()).isEmpty();
    }
}
