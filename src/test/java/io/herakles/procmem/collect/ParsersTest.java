package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ParsersTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final Path CAPTURED = Path.of("src/test/resources/procfs/captured");

    @Test
    void statFieldsComeAfterTheLastParenthesis() {
        byte[] s = b("42 (we\"ird\\\na) me) R 7 42 42 0 -1 4194560 1 0 0 0 250 130 0 0 20 -5 9 0 777 1 1 1\n");
        PidStat st = PidStat.parse(s, s.length).orElseThrow();
        assertThat(st.pid()).isEqualTo(42);
        assertThat(st.comm()).isEqualTo("we\"ird\\\na) me");
        assertThat(st.state()).isEqualTo('R');
        assertThat(st.ppid()).isEqualTo(7);
        assertThat(st.utimeTicks()).isEqualTo(250);
        assertThat(st.stimeTicks()).isEqualTo(130);
        assertThat(st.numThreads()).isEqualTo(9);
        assertThat(st.startTicks()).isEqualTo(777);
        assertThat(st.cpuTicks()).isEqualTo(380);
    }

    @Test
    void statNameWithSpacesAndParenthesesAndInvalidUtf8() {
        byte[] head = b("9 (");
        byte[] name = {'W', 'e', 'b', ' ', (byte) 0xff, (byte) 0xc3, ')', '('};
        byte[] tail = b(") S 1 9 9 0 -1 0 0 0 0 0 3 4 0 0 20 0 2 0 55 0 0\n");
        byte[] s = new byte[head.length + name.length + tail.length];
        System.arraycopy(head, 0, s, 0, head.length);
        System.arraycopy(name, 0, s, head.length, name.length);
        System.arraycopy(tail, 0, s, head.length + name.length, tail.length);
        PidStat st = PidStat.parse(s, s.length).orElseThrow();
        assertThat(st.comm()).isEqualTo("Web \uFFFD\uFFFD)(");
        assertThat(st.startTicks()).isEqualTo(55);
        assertThat(st.numThreads()).isEqualTo(2);
    }

    @Test
    void malformedOrTruncatedStatIsAbsent() {
        for (String s : new String[] {"", "garbage", "1 (x", "1 (x) S 1 2 3", "1 (x) S a b c d e f g h i j k l m n o p q r s t"}) {
            byte[] bytes = b(s);
            assertThat(PidStat.parse(bytes, bytes.length)).as(s).isEmpty();
        }
    }

    @Test
    void capturedStatOfARealProcess() {
        ProcFs fs = new ProcFs(CAPTURED);
        PidReader r = new PidReader(fs);
        PidStat st = r.stat(3433).orElseThrow();
        assertThat(st.comm()).isEqualTo("bash");
        assertThat(st.ppid()).isEqualTo(3432);
        assertThat(st.startTicks()).isEqualTo(38605);
        assertThat(st.minorFaults()).isEqualTo(13161);
        assertThat(st.majorFaults()).isEqualTo(2);
        assertThat(st.vsizeBytes()).isEqualTo(5451776);
        assertThat(st.rssPages()).isEqualTo(986);
        assertThat(r.rssBytes(3433)).hasValue(1045L * 4096);
        SmapsRollup roll = r.rollup(3433).orElseThrow();
        assertThat(roll.rss()).isEqualTo(4180L * 1024);
        assertThat(roll.pss()).isEqualTo(927L * 1024);
        assertThat(roll.uss()).isEqualTo(344L * 1024);
        assertThat(roll.pssAnon()).hasValue(741L * 1024);
        ProcStatus status = r.status(3433).orElseThrow();
        assertThat(status.uid()).isZero();
        assertThat(status.rssAnon()).hasValue(1260L * 1024);
        assertThat(status.vmSwap()).hasValue(0L);
    }

    @Test
    void statmIsResidentPagesTimesPageSize() {
        byte[] s = b("9000 2500 300 100 0 800 0\n");
        assertThat(Statm.rssBytes(s, s.length, 4096)).hasValue(2500L * 4096);
        byte[] bad = b("x");
        assertThat(Statm.rssBytes(bad, bad.length, 4096)).isEmpty();
    }

    @Test
    void statusOfAKernelThreadHasNoMemoryLines() {
        byte[] s = b("Name:\tkthreadd\nUid:\t0\t0\t0\t0\nThreads:\t1\n");
        ProcStatus st = ProcStatus.parse(s, s.length);
        assertThat(st.uid()).isZero();
        assertThat(st.threads()).isEqualTo(1);
        assertThat(st.vmSwap()).isEmpty();
        assertThat(st.rssAnon()).isEmpty();
        byte[] e = new byte[0];
        assertThat(ProcStatus.parse(e, 0).uid()).isEqualTo(-1);
    }

    @Test
    void rollupKeysDoNotMatchLongerKeys() {
        byte[] s = b("Rss: 10 kB\nPss_Anon: 7 kB\nPss: 5 kB\nPrivate_Clean: 1 kB\nPrivate_Dirty: 2 kB\nPrivate_Hugetlb: 9 kB\n"
                + "SwapPss: 3 kB\nSwap: 4 kB\n");
        SmapsRollup r = SmapsRollup.parse(s, s.length).orElseThrow();
        assertThat(r.pss()).isEqualTo(5 * 1024);
        assertThat(r.uss()).isEqualTo(3 * 1024);
        assertThat(r.swap()).isEqualTo(4 * 1024);
        assertThat(r.swapPss()).hasValue(3 * 1024);
        assertThat(r.pssAnon()).hasValue(7 * 1024);
        assertThat(r.pssShmem()).isEmpty();
    }

    @Test
    void rollupWithoutPssIsAbsent() {
        byte[] s = b("");
        assertThat(SmapsRollup.parse(s, 0)).isEmpty();
    }

    @Test
    void meminfoLoadavgUptimeAndCpuStat() {
        ProcFs fs = new ProcFs(CAPTURED);
        ProcFileReader r = fs.newReader();
        MemInfo m = fs.meminfo(r);
        assertThat(m.memTotal()).hasValue(24684092L * 1024);
        assertThat(m.memAvailable()).hasValue(23875884L * 1024);
        assertThat(m.swapTotal()).hasValue(0L);
        assertThat(fs.loadavg(r)).hasValue(new LoadAvg(8.14, 3.86, 1.55));
        assertThat(fs.uptimeSeconds(r)).isPresent();
        CpuStat cpu = fs.cpuStat(r);
        assertThat(cpu.bootTime()).hasValue(1795632700L);
        assertThat(cpu.lines()).extracting(CpuStat.CpuTimes::label).containsExactly("cpu", "cpu0", "cpu1");
        assertThat(cpu.cpuCount()).isEqualTo(2);
    }

    @Test
    void missingSystemFilesAreAbsent(@org.junit.jupiter.api.io.TempDir Path empty) {
        ProcFs fs = new ProcFs(empty);
        ProcFileReader r = fs.newReader();
        assertThat(fs.meminfo(r)).isEqualTo(MemInfo.UNKNOWN);
        assertThat(fs.loadavg(r)).isEmpty();
        assertThat(fs.cpuStat(r)).isEqualTo(CpuStat.EMPTY);
        assertThat(fs.listPids(Integer.MAX_VALUE)).isEmpty();
        assertThat(fs.pageSize()).isEqualTo(ProcFs.DEFAULT_PAGE_SIZE);
        assertThat(new ProcFs(empty.resolve("nope")).listPids(10)).isEmpty();
    }

    @Test
    void cmdlineJoinsArgumentsAndDropsTrailingNuls() {
        byte[] s = b("/usr/bin/java\0-jar\0app.jar\0\0");
        assertThat(Cmdline.decode(s, s.length)).isEqualTo("/usr/bin/java -jar app.jar");
        assertThat(Cmdline.argv0Basename(s, s.length)).isEqualTo("java");
        assertThat(Cmdline.decode(new byte[0], 0)).isEmpty();
        byte[] bad = {'a', (byte) 0xfe, 0, 'b', 0};
        assertThat(Cmdline.decode(bad, bad.length)).isEqualTo("a\uFFFD b");
        byte[] comm = b("a\nb\n");
        assertThat(Cmdline.comm(comm, comm.length)).isEqualTo("a\nb");
    }

    @Test
    void cpuBusyRatioAndPercent() {
        CpuStat.CpuTimes a = new CpuStat.CpuTimes("cpu", 1000, 800);
        CpuStat.CpuTimes b = new CpuStat.CpuTimes("cpu", 1200, 850);
        assertThat(CpuMath.busyRatio(a, b)).isEqualTo(0.75);
        assertThat(CpuMath.busyRatio(a, a)).isZero();
        assertThat(CpuMath.busyRatio(b, a)).isZero(); // counters going back saturate
        // 50 ticks = 0.5 s of CPU over 2 s of wall time = 25 % of one core
        assertThat(CpuMath.percent(100, 150, 0, 2_000_000_000L)).isEqualTo(25.0);
        assertThat(CpuMath.percent(100, 400, 0, 1_000_000_000L)).isEqualTo(300.0);
        assertThat(CpuMath.percent(100, 90, 0, 1_000_000_000L)).isZero();
        assertThat(CpuMath.percent(100, 200, 5, 5)).isZero();
        assertThat(CpuMath.seconds(12345)).isEqualTo(123.45);
    }

    @Test
    void userNamesFromPasswdWithNumericFallback(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        java.nio.file.Files.writeString(passwd, "root:x:0:0:root:/root:/bin/bash\nbroken line\npg:x:70:70::/:/bin/sh\n");
        UserNames u = new UserNames(passwd);
        assertThat(u.name(0)).isEqualTo("root");
        assertThat(u.name(70)).isEqualTo("pg");
        assertThat(u.name(1234)).isEqualTo("1234");
        assertThat(u.name(-1)).isEmpty();
        assertThat(new UserNames(dir.resolve("missing")).name(0)).isEqualTo("0");
    }

    @Test
    void kbValuesBecomeBytes() {
        assertThat(KeyedLines.kbToBytes(Bytes.NONE)).isEqualTo(OptionalLong.empty());
        assertThat(KeyedLines.kbToBytes(2)).hasValue(2048);
    }
}
