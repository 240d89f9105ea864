package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parsers are total: random bytes and mangled real files give absent values, never an exception. */
class ParsersNeverThrowTest {

    private static final String[] SEEDS = {
        "1 (bash) S 0 1 1 0 -1 4194560 1 0 0 0 5 6 0 0 20 0 1 0 99 1 1 1\n",
        "Rss: 10 kB\nPss: 5 kB\nPrivate_Clean: 1 kB\nPrivate_Dirty: 2 kB\n",
        "Uid:\t0\t0\t0\t0\nThreads:\t1\nVmSwap:\t 0 kB\n",
        "MemTotal: 1 kB\nMemAvailable: 2 kB\n",
        "cpu  1 2 3 4 5 6 7 8 0 0\nbtime 1700000000\n",
        "0.1 0.2 0.3 1/2 3\n",
        "9000 2500 300 100 0 800 0\n",
    };

    private static final String MANGLE = "()0123456789 \n:-kB\0\377";

    @Test
    void randomAndMangledInputNeverThrows() {
        Random rnd = new Random(42); // fixed seed: deterministic
        for (int i = 0; i < 20_000; i++) {
            byte[] b = input(rnd, i);
            int len = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
            assertThatCode(() -> parseAll(b, len)).as("input %d", i).doesNotThrowAnyException();
        }
    }

    private static byte[] input(Random rnd, int i) {
        if (i % 2 == 0) {
            byte[] b = new byte[rnd.nextInt(200)];
            rnd.nextBytes(b);
            return b;
        }
        byte[] b = SEEDS[rnd.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
        for (int k = rnd.nextInt(4); k >= 0 && b.length > 0; k--) {
            b[rnd.nextInt(b.length)] = (byte) MANGLE.charAt(rnd.nextInt(MANGLE.length()));
        }
        return b;
    }

    private static void parseAll(byte[] b, int len) {
        PidStat.parse(b, len);
        Statm.rssBytes(b, len, 4096);
        ProcStatus.parse(b, len);
        SmapsRollup.parse(b, len);
        MemInfo.parse(b, len);
        LoadAvg.parse(b, len);
        LoadAvg.parseUptime(b, len);
        CpuStat.parse(b, len);
        Cmdline.decode(b, len);
        Cmdline.argv0Basename(b, len);
        Cmdline.comm(b, len);
    }
}
