package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.maps.Mapping;
import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.model.maps.MappingKind;
import io.herakles.procmem.model.maps.MappingSizes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmapsParserTest {

    private static List<Mapping> parse(byte[] b) {
        return new SmapsParser().parse(b, b.length);
    }

    @Test
    void everyMappingWithHeaderAndFigures() {
        byte[] text = new SmapsText()
                .mapping("55dbd54ee000-55dbd54f0000", "r--p", "/usr/bin/head", 8, 8, 8, 0, 8, 0, 0)
                .mapping("55dbd6000000-55dbd6100000", "rw-p", "[heap]", 1024, 900, 900, 0, 0, 900, 12)
                .mapping("7f0000000000-7f0000200000", "rw-p", "", 2048, 2048, 2048, 0, 0, 2048, 0)
                .bytes();
        List<Mapping> maps = parse(text);

        assertThat(maps).hasSize(3);
        Mapping exe = maps.get(0);
        assertThat(exe.start()).isEqualTo(0x55dbd54ee000L);
        assertThat(exe.end()).isEqualTo(0x55dbd54f0000L);
        assertThat(exe.addressRange()).isEqualTo("55dbd54ee000-55dbd54f0000");
        assertThat(exe.perms()).isEqualTo("r--p");
        assertThat(exe.device()).isEqualTo("fe:00");
        assertThat(exe.inode()).isEqualTo(1234);
        assertThat(exe.path()).isEqualTo("/usr/bin/head");
        assertThat(exe.kind()).isEqualTo(MappingKind.FILE);
        MappingSizes heap = maps.get(1).sizes();
        assertThat(maps.get(1).kind()).isEqualTo(MappingKind.HEAP);
        assertThat(heap.size()).isEqualTo(1024 * 1024);
        assertThat(heap.rss()).isEqualTo(900 * 1024);
        assertThat(heap.uss()).isEqualTo(900 * 1024);
        assertThat(heap.swap()).isEqualTo(12 * 1024);
        assertThat(heap.get(MappingFigure.SWAP_PSS)).hasValue(12 * 1024);
        assertThat(heap.get(MappingFigure.LOCKED)).hasValue(4 * 1024);
        assertThat(heap.get(MappingFigure.ANON_HUGE_PAGES)).hasValue(2048 * 1024);
        assertThat(maps.get(2).kind()).isEqualTo(MappingKind.ANONYMOUS);
        assertThat(maps.get(2).displayName()).isEqualTo("[anonymous]");
    }

    @Test
    void kindsFromThePathColumn() {
        assertThat(MappingKind.of("[stack]")).isEqualTo(MappingKind.STACK);
        assertThat(MappingKind.of("[vdso]")).isEqualTo(MappingKind.KERNEL);
        assertThat(MappingKind.of("[vvar]")).isEqualTo(MappingKind.KERNEL);
        assertThat(MappingKind.of("[vsyscall]")).isEqualTo(MappingKind.KERNEL);
        assertThat(MappingKind.of("[anon:dalvik]")).isEqualTo(MappingKind.ANONYMOUS);
        assertThat(MappingKind.of("[uprobes]")).isEqualTo(MappingKind.OTHER);
        assertThat(MappingKind.of("/dev/shm/pulse-shm-1 (deleted)")).isEqualTo(MappingKind.SHARED_MEMORY);
        assertThat(MappingKind.of("/SYSV00000000 (deleted)")).isEqualTo(MappingKind.SHARED_MEMORY);
        assertThat(MappingKind.of("/memfd:wayland-shm (deleted)")).isEqualTo(MappingKind.SHARED_MEMORY);
        assertThat(MappingKind.of("/dev/zero (deleted)")).isEqualTo(MappingKind.SHARED_MEMORY);
        assertThat(MappingKind.of("/tmp/old.so (deleted)")).isEqualTo(MappingKind.DELETED_FILE);
        assertThat(MappingKind.of("/usr/lib/libc.so.6")).isEqualTo(MappingKind.FILE);
    }

    @Test
    void pathsAreKeptFaithfully() {
        byte[] latin1 = {'/', 't', 'm', 'p', '/', 'c', (byte) 0xe9, '.', 'd', 'a', 't'};
        byte[] text = new SmapsText()
                .mapping("1000-2000", "r--s", "/tmp/a file with  spaces.dat", 4, 4, 2, 4, 0, 0, 0)
                .mapping("2000-3000", "r--p", "/tmp/gone.so (deleted)", 4, 4, 4, 0, 4, 0, 0)
                .mapping("3000-4000", "r--p", "1", latin1, 4, 4, 4, 0, 4, 0, 0)
                .mapping("4000-5000", "r--p", "/tmp/line\\012break", 4, 4, 4, 0, 4, 0, 0)
                .mapping("5000-6000", "r--p", "/tmp/caf\u00e9 \u2603.dat", 4, 4, 4, 0, 4, 0, 0)
                .bytes();
        List<Mapping> maps = parse(text);

        assertThat(maps).extracting(Mapping::path).containsExactly("/tmp/a file with  spaces.dat",
                "/tmp/gone.so (deleted)", "/tmp/c\\xe9.dat", "/tmp/line\nbreak", "/tmp/caf\u00e9 \u2603.dat");
        assertThat(maps.get(0).mapShared()).isTrue();
        assertThat(maps.get(1).kind()).isEqualTo(MappingKind.DELETED_FILE);
    }

    @Test
    void unknownLinesAreSkippedAndAbsentFiguresStayAbsent() {
        String text = "00400000-00401000 r-xp 00000000 08:01 42 /bin/x\n"
                + "Size:                  4 kB\nRss:                   4 kB\nPss:                   2 kB\n"
                + "Shared_Clean:          4 kB\nPrivate_Clean:         0 kB\nPrivate_Dirty:         0 kB\n"
                + "Brand_New_Key:        99 kB\nSwap:                  0 kB\nnot a key line at all\n"
                + "VmFlags: rd ex mr mw me\n";
        List<Mapping> maps = parse(text.getBytes(StandardCharsets.UTF_8));

        assertThat(maps).hasSize(1);
        MappingSizes s = maps.get(0).sizes();
        assertThat(s.pss()).isEqualTo(2048);
        assertThat(s.get(MappingFigure.SWAP_PSS)).isEmpty();
        assertThat(s.get(MappingFigure.ANON_HUGE_PAGES)).isEmpty();
    }

    @Test
    void malformedHeaderDropsOnlyItsMappingAndTruncationKeepsWhatWasRead() {
        String good = "00400000-00401000 r-xp 00000000 08:01 42 /bin/x\nRss: 4 kB\nPss: 4 kB\n";
        String bad = "00500000-zz r-xp 00000000 08:01 42 /bin/y\nRss: 8 kB\n";
        String truncated = "00600000-00601000 rw-p 00000000 00:00 0 \nRss:   1";
        List<Mapping> maps = parse((good + bad + truncated).getBytes(StandardCharsets.UTF_8));

        assertThat(maps).extracting(Mapping::path).containsExactly("/bin/x", "");
        assertThat(maps.get(0).sizes().rss()).isEqualTo(4096);
        assertThat(maps.get(1).sizes().rss()).isEqualTo(1024);
        assertThat(parse(new byte[0])).isEmpty();
        assertThat(parse("garbage\n\n\0\0".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void sumsAreAbsentOnlyWhereEveryPartIs() {
        long[] a = new long[MappingFigure.values().length];
        java.util.Arrays.fill(a, -1);
        a[MappingFigure.RSS.ordinal()] = 10;
        long[] b = a.clone();
        b[MappingFigure.SWAP_PSS.ordinal()] = 5;
        MappingSizes sum = MappingSizes.of(a).plus(MappingSizes.of(b));
        assertThat(sum.rss()).isEqualTo(20);
        assertThat(sum.get(MappingFigure.SWAP_PSS)).hasValue(5);
        assertThat(sum.get(MappingFigure.LOCKED)).isEmpty();
    }
}
