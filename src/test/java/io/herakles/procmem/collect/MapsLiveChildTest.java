package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MappingSizes;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import io.herakles.procmem.testsupport.ChildProcesses;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaps parser against the live kernel: a compiled C child (heap, a mapped file, a shared
 * segment mapped by a forked sibling too), whose per-mapping sums must match its own
 * {@code smaps_rollup} within 1 %. Skipped where no C compiler is installed.
 */
class MapsLiveChildTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;
    private Process child;
    private int parentPid;
    private int siblingPid;
    private String file;
    private String shm;
    private final ProcFs proc = new ProcFs(Path.of("/proc"));

    @BeforeEach
    void startChild() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/cc")) || Files.isExecutable(Path.of("/usr/bin/gcc")))
                .as("a C compiler").isTrue();
        Path source = dir.resolve("maps-child.c");
        try (InputStream in = MapsLiveChildTest.class.getResourceAsStream("/maps/maps-child.c")) {
            Files.copy(in, source);
        }
        Path exe = dir.resolve("maps-child");
        Process cc = new ProcessBuilder("cc", "-O1", "-o", exe.toString(), source.toString(), "-lrt")
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cc.exitValue()).as(ccOut).isZero();
        child = new ProcessBuilder(exe.toString(), dir.resolve("data file.bin").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as("child's ready line").startsWith("ready ");
        String[] f = ready.split(" ", 4);
        parentPid = Integer.parseInt(f[1]);
        siblingPid = Integer.parseInt(f[2]);
        String[] paths = f[3].split(" /dev/shm");
        file = paths[0];
        shm = "/dev/shm" + paths[1];
    }

    @AfterEach
    void stopChild() throws Exception {
        if (child != null) {
            child.getOutputStream().close(); // both wait for EOF on stdin
            child.waitFor(10, TimeUnit.SECONDS);
            ChildProcesses.stop(child);
        }
    }

    @Test
    void perMappingTotalsMatchTheRollupOfBothProcesses() {
        for (int pid : new int[] {parentPid, siblingPid}) {
            ProcessMaps maps = new MapsReader(proc).read(pid);
            assertThat(maps.isOk()).as(maps.reason()).isTrue();
            MappingSizes sum = maps.totals();
            ProcFileReader r = proc.newReader();
            assertThat(r.read(proc.pidFile(pid, "smaps_rollup"))).isEqualTo(ReadStatus.OK);
            SmapsRollup rollup = SmapsRollup.parse(r.bytes(), r.length()).orElseThrow();
            assertThat((double) sum.rss()).as("RSS of %d", pid).isCloseTo(rollup.rss(), within(rollup.rss() * 0.01));
            assertThat((double) sum.pss()).as("PSS of %d", pid).isCloseTo(rollup.pss(), within(rollup.pss() * 0.01));
            assertThat((double) sum.uss()).as("USS of %d", pid).isCloseTo(rollup.uss(), within(rollup.uss() * 0.01));
            assertThat(sum.swap()).isEqualTo(rollup.swap());
        }
    }

    @Test
    void theKnownMappingsAreThereWithTheirKinds() {
        List<Mapping> parent = new MapsReader(proc).read(parentPid).mappings();
        Mapping heap = largest(parent, MappingKind.HEAP, MappingKind.ANONYMOUS);
        assertThat(heap.sizes().rss()).isGreaterThanOrEqualTo(8 * MIB);

        Mapping data = find(parent, file).orElseThrow();
        assertThat(data.kind()).isEqualTo(MappingKind.FILE);
        assertThat(data.path()).contains("data file.bin");
        assertThat(data.sizes().rss()).isEqualTo(4 * MIB);

        Mapping segment = find(parent, shm).orElseThrow();
        assertThat(segment.kind()).isEqualTo(MappingKind.SHARED_MEMORY);
        assertThat(segment.mapShared()).isTrue();
        // every page is mapped by both: each pays half
        assertThat(segment.sizes().rss()).isEqualTo(4 * MIB);
        assertThat(segment.sizes().pss()).isEqualTo(2 * MIB);
        assertThat(find(new MapsReader(proc).read(siblingPid).mappings(), shm)).isPresent();
    }

    @Test
    void theSharedScanFindsTheSegmentInBothProcesses() {
        SharedMemoryReport report = new SharedMappingScan(proc).run(ScanProgress.NONE);
        SharedMapping segment = report.shared().stream().filter(s -> s.path().startsWith(shm)).findFirst()
                .orElseThrow();
        assertThat(segment.users()).extracting(SharedMapping.User::pid).containsExactlyInAnyOrder(parentPid, siblingPid);
        assertThat(segment.rss()).isEqualTo(8 * MIB);
        assertThat(segment.pss()).isEqualTo(4 * MIB);
        assertThat(report.scanned()).isGreaterThanOrEqualTo(2);
    }

    private static Optional<Mapping> find(List<Mapping> maps, String pathPrefix) {
        return maps.stream().filter(m -> m.path().startsWith(pathPrefix)).findFirst();
    }

    private static Mapping largest(List<Mapping> maps, MappingKind... kinds) {
        return maps.stream().filter(m -> List.of(kinds).contains(m.kind()))
                .max((a, b) -> Long.compare(a.sizes().rss(), b.sizes().rss())).orElseThrow();
    }
}
