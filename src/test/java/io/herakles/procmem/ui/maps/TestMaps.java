package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MappingSizes;
import io.herakles.procmem.model.maps.ProcessMaps;
import java.util.Arrays;
import java.util.List;

/** Small memory maps for UI tests. */
public final class TestMaps {

    private static final long KIB = 1024;

    private TestMaps() {}

    /** A mapping with RSS, PSS and private dirty in KiB; the other figures absent except Size. */
    public static Mapping mapping(long start, String path, long rssKib, long pssKib, long privateKib) {
        long[] f = new long[MappingFigure.values().length];
        Arrays.fill(f, -1);
        f[MappingFigure.SIZE.ordinal()] = rssKib * 2 * KIB;
        f[MappingFigure.RSS.ordinal()] = rssKib * KIB;
        f[MappingFigure.PSS.ordinal()] = pssKib * KIB;
        f[MappingFigure.PRIVATE_CLEAN.ordinal()] = 0;
        f[MappingFigure.PRIVATE_DIRTY.ordinal()] = privateKib * KIB;
        f[MappingFigure.SWAP.ordinal()] = 0;
        return new Mapping(start, start + 0x1000, path.startsWith("/dev/shm") ? "rw-s" : "r--p", 0, "fe:00",
                path.isEmpty() ? 0 : 7, path, MappingKind.of(path), MappingSizes.of(f));
    }

    /** A JVM-like process: a heap, anonymous memory, libjvm in two mappings, libc, a shared segment. */
    public static ProcessMaps jvm(int pid) {
        return ProcessMaps.ok(pid, List.of(
                mapping(0x1000, "[heap]", 4000, 4000, 4000),
                mapping(0x2000, "", 20000, 20000, 20000),
                mapping(0x3000, "/usr/lib/jvm/lib/server/libjvm.so", 12000, 3000, 0),
                mapping(0x4000, "/usr/lib/jvm/lib/server/libjvm.so", 800, 800, 800),
                mapping(0x5000, "/usr/lib/libc.so.6", 1500, 100, 0),
                mapping(0x6000, "/dev/shm/cache (deleted)", 8000, 4000, 0)));
    }
}
