package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.herakles.procmem.analysis.LeakFinder;
import io.herakles.procmem.analysis.LeakReport;
import io.herakles.procmem.analysis.LeakSuspect;
import io.herakles.procmem.export.recording.RecordingReader;
import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.testsupport.ChildProcesses;
import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leak suspects on real processes: a child that touches 2 MiB more every second, a child whose
 * memory rises and falls like a garbage-collected heap, and 200 stable processes of
 * scripts/population.sh, recorded at 1 s through the packaged jar. Of these children the grower
 * alone is flagged, with its rate within ±25 %. (Other processes on the host, such as the JVMs of
 * a parallel build, are not ours to judge: they may grow for real, and faster.)
 */
class LeakSuspectsIT extends LauncherTestBase {

    private static final int POPULATION = 200;
    private static final double GROWER_MIB_PER_HOUR = 2.0 * 3600;

    /** Touches 2 MiB of fresh pages a second for 90 s, then holds them. */
    private static final String GROWER = """
            import time, sys
            keep = []
            print('ready', flush=True)
            start = time.time()
            for i in range(90):
                keep.append(b'\\x01' * (2 << 20))
                time.sleep(max(0, start + i + 1 - time.time()))
            time.sleep(600)
            """;

    /** Rises 4 MiB every 0.5 s for 5 s, frees it all, again: a sawtooth with no trend. */
    private static final String SAWTOOTH = """
            import time
            print('ready', flush=True)
            while True:
                keep = []
                for i in range(10):
                    keep.append(b'\\x02' * (4 << 20))
                    time.sleep(0.5)
                keep = None
            """;

    private final List<Process> children = new java.util.ArrayList<>();
    private Path spawnDir;

    @AfterEach
    void stopChildren() throws Exception {
        children.forEach(ChildProcesses::stop);
        if (spawnDir != null) {
            ProcessBuilder pb = new ProcessBuilder("scripts/population.sh", "stop").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("population-stop.log").toFile());
            pb.environment().put("SPAWN_DIR", spawnDir.toString());
            Process stop = pb.start();
            stop.getOutputStream().close();
            stop.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void ofItsChildrenOnlyTheGrowerIsFlaggedAtItsRate() throws Exception {
        assumeThat(hasPython()).as("python3 on PATH").isTrue();
        Set<Long> population = startPopulation();
        Process sawtooth = python(SAWTOOTH);
        Process grower = python(GROWER);

        Path file = dir.resolve("leak.hrec");
        Result r = herakles.run("record", "-o", file.toString(), "--interval", "1s", "--duration", "40s");
        assertThat(r.exitCode()).as(r.describe()).isZero();

        LeakFinder finder = new LeakFinder(MemoryMetric.USS);
        RecordingReader.stream(file, finder::add);
        LeakReport report = finder.report();
        assertThat(report.samples()).isGreaterThan(20);
        List<LeakSuspect> suspects = report.processes();
        Set<Long> ours = new HashSet<>(population);
        ours.add(sawtooth.pid());
        ours.add(grower.pid());
        // the host's other processes (JVMs of a parallel build starting up) may really grow, faster
        // than 2 MiB/s even: the ranking is judged among the processes this test started
        List<LeakSuspect> oursFlagged = suspects.stream()
                .filter(s -> s.pid().isPresent() && ours.contains((long) s.pid().getAsInt())).toList();
        assertThat(oursFlagged).as(describe(suspects)).hasSize(1);
        LeakSuspect first = oursFlagged.get(0);
        assertThat(first.pid()).hasValue((int) grower.pid());
        assertThat(first.mibPerHour()).isBetween(GROWER_MIB_PER_HOUR * 0.75, GROWER_MIB_PER_HOUR * 1.25);
        assertThat(first.steadiness()).isGreaterThan(0.8);
    }

    private static String describe(List<LeakSuspect> suspects) {
        return suspects.stream().map(s -> s.pid().orElse(0) + " " + s.label() + " " + Math.round(s.mibPerHour()) + " MiB/h")
                .collect(Collectors.joining("; "));
    }

    private Set<Long> startPopulation() throws IOException, InterruptedException {
        spawnDir = dir.resolve("population");
        Files.createDirectories(spawnDir);
        ProcessBuilder pb = new ProcessBuilder("scripts/population.sh", "start", "-f", String.valueOf(POPULATION))
                .redirectErrorStream(true).redirectOutput(dir.resolve("population.log").toFile());
        pb.environment().put("SPAWN_DIR", spawnDir.toString());
        pb.environment().put("MEM_BUDGET_MIB", "100");
        pb.environment().put("POPULATION_TTL_S", "300");
        Process supervisor = pb.start();
        supervisor.getOutputStream().close();
        children.add(supervisor);
        Path pids = spawnDir.resolve("procs.pids");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.isRegularFile(pids) && Files.size(pids) > 0)) {
            assertThat(supervisor.isAlive()).as(Files.readString(dir.resolve("population.log"))).isTrue();
            assertThat(System.nanoTime()).as("population ready in time").isLessThan(deadline);
            Thread.sleep(300);
        }
        return Files.readAllLines(pids).stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim()))
                .collect(Collectors.toSet());
    }

    private Process python(String script) throws IOException {
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        children.add(p);
        p.getOutputStream().close();
        String ready = new String(p.getInputStream().readNBytes(6));
        assertThat(ready).isEqualTo("ready\n");
        return p;
    }

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "pass").start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
