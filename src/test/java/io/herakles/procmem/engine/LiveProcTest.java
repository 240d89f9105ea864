package io.herakles.procmem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real {@code /proc}: children with a known amount of touched private memory must show
 * the kernel's own {@code smaps_rollup} figures (read here, around our read, to allow for memory
 * moving a little between the two reads) and a USS of at least what they allocated.
 */
class LiveProcTest {

    private static final int MIB = 48;
    private static final long SLACK = 2L << 20; // memory may move by a page table or two between reads

    private final List<Process> children = new ArrayList<>();
    private Collector collector;

    @BeforeEach
    void requireProc() {
        assumeThat(Files.isReadable(Path.of("/proc/self/smaps_rollup"))).as("a Linux /proc with smaps_rollup").isTrue();
    }

    @AfterEach
    void killChildren() throws Exception {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void childWithKnownPrivateMemoryMatchesTheKernelsFigures() throws Exception {
        int pid = spawnHog(MIB);
        Map<String, Long> before = kernelRollup(pid);
        long rssBefore = kernelStatmRss(pid);
        ProcessSample ours = collectOnly(pid);
        Map<String, Long> after = kernelRollup(pid);
        long rssAfter = kernelStatmRss(pid);

        assertThat(ours.pssBytes()).isPresent();
        assertThat(ours.ussBytes()).isPresent();
        assertBetween("PSS", ours.pssBytes().getAsLong(), before.get("Pss:"), after.get("Pss:"));
        long ussBefore = before.get("Private_Clean:") + before.get("Private_Dirty:");
        long ussAfter = after.get("Private_Clean:") + after.get("Private_Dirty:");
        assertBetween("USS", ours.ussBytes().getAsLong(), ussBefore, ussAfter);
        assertBetween("RSS", ours.rssBytes(), rssBefore, rssAfter);
        assertThat(ours.ussBytes().getAsLong()).isGreaterThanOrEqualTo((long) MIB << 20);
        assertThat(ours.rssBytes()).isGreaterThanOrEqualTo((long) MIB << 20);
        assertThat(ours.cpuTimeSeconds()).isPositive();
        assertThat(ours.ppid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(ours.startTime()).isNotNull();
    }

    @Test
    void aLiveProcessWithAHostileNameParsesCorrectly() throws Exception {
        assumeThat(onPath("python3")).as("python3 to set a raw comm with prctl").isTrue();
        // comm = 'x) (y' + newline + invalid UTF-8 byte + quote: breaks naive stat parsers (docs/UPSTREAM.md#u11-stat-parsed-after-the-last-parenthesis)
        Process p = new ProcessBuilder("python3", "-c", "import ctypes, os, time\n"
                + "ctypes.CDLL(None).prctl(15, b'x) (y\\n\\xff\"q', 0, 0, 0)\n"
                + "print('ready', os.getpid(), flush=True)\n"
                + "time.sleep(600)\n").redirectErrorStream(true).start();
        children.add(p);
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).startsWith("ready ");
        int pid = Integer.parseInt(line.substring(6).trim());
        ProcessSample ours = collectOnly(pid);
        assertThat(ours.name()).isEqualTo("x) (y\n\uFFFD\"q");
        assertThat(ours.state()).isIn('S', 'R');
        assertThat(ours.ppid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(ours.threads()).isEqualTo(1);
        assertThat(ours.cmdline()).contains("python3 -c import ctypes");
        assertThat(ours.ussBytes()).isPresent();
    }

    @Test
    void aFullPassOverTheRealProcIncludesThisJvm() {
        ExporterConfig config = ExporterConfig.builder().build();
        collector = new Collector(config, (n, c) -> Optional.of(new Classification(GroupKey.OTHER, "")),
                new ProcFs(Path.of("/proc")), UserNames.system(), MonotonicClock.SYSTEM);
        TickResult r = collector.collect(CollectorTuning.complete());
        int self = (int) ProcessHandle.current().pid();
        ProcessSample me = r.processes().stream().filter(p -> p.pid() == self).findFirst().orElseThrow();
        assertThat(me.pssBytes()).isPresent();
        assertThat(me.threads()).isGreaterThan(1);
        assertThat(me.cmdline()).contains("java");
        assertThat(r.pidsSeen()).isGreaterThanOrEqualTo(r.processes().size());
        assertThat(r.system().memTotalBytes()).isPresent();
        assertThat(r.system().cpuCount()).isPositive();
    }

    private ProcessSample collectOnly(int pid) {
        ExporterConfig config = ExporterConfig.builder().build();
        collector = new Collector(config, (n, c) -> Optional.of(new Classification(GroupKey.OTHER, "")),
                new ProcFs(Path.of("/proc")), UserNames.system(), MonotonicClock.SYSTEM);
        TickResult r = collector.collect(CollectorTuning.complete(), new int[] {pid});
        assertThat(r.processes()).hasSize(1);
        return r.processes().get(0);
    }

    private static void assertBetween(String what, long ours, long a, long b) {
        assertThat(ours).as(what).isBetween(Math.min(a, b) - SLACK, Math.max(a, b) + SLACK);
    }

    /** python3 when available (stable footprint), else a child JVM running {@link MemHog}. */
    private int spawnHog(int mib) throws Exception {
        ProcessBuilder pb;
        if (onPath("python3")) {
            pb = new ProcessBuilder("python3", "-c", "import os, sys, time\n"
                    + "b = bytearray(b'\\x01') * (" + mib + " << 20)\n"
                    + "print('ready', os.getpid(), flush=True)\n"
                    + "time.sleep(600)\n");
        } else {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            pb = new ProcessBuilder(java, "-Xmx" + (mib * 2 + 32) + "m", "-cp", System.getProperty("java.class.path"),
                    MemHog.class.getName(), Integer.toString(mib));
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        children.add(p);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ready ")) {
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("memory hog exited before it was ready");
    }

    private static boolean onPath(String exe) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> kernelRollup(int pid) throws Exception {
        Map<String, Long> m = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].endsWith(":") && f[1].matches("\\d+")) {
                m.put(f[0], Long.parseLong(f[1]) * 1024);
            }
        }
        return m;
    }

    private static long kernelStatmRss(int pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/statm")).trim().split("\\s+");
        return Long.parseLong(f[1]) * 4096;
    }
}
