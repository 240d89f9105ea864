package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidReaderTest {

    @TempDir
    Path dir;

    @Test
    void vanishedPidIsReportedAsVanished() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(10, "gone");
        proc.remove(10);
        PidReader r = new PidReader(new ProcFs(dir));
        assertThat(r.stat(10)).isEmpty();
        assertThat(r.lastOutcome()).isEqualTo(PidOutcome.VANISHED);
        assertThat(r.rollup(10)).isEmpty();
        assertThat(r.lastOutcome()).isEqualTo(PidOutcome.VANISHED);
    }

    @Test
    void deniedRollupIsAbsentAndCountedAsDenied() {
        new FakeProc(dir).pid(11, "other-user");
        FileOpener denyRollup = p -> {
            if (p.endsWith("smaps_rollup")) {
                throw new AccessDeniedException(p.toString());
            }
            return FileOpener.DEFAULT.open(p);
        };
        PidReader r = new PidReader(new ProcFs(dir, denyRollup));
        assertThat(r.rollup(11)).isEmpty();
        assertThat(r.lastOutcome()).isEqualTo(PidOutcome.DENIED);
        assertThat(r.stat(11)).isPresent();
    }

    @Test
    void esrchOnALivePidIsUnavailableNotVanished() {
        new FakeProc(dir).pid(2, "kthreadd").kernelThread();
        FileOpener esrch = p -> {
            if (p.endsWith("smaps_rollup")) {
                throw new IOException("No such process");
            }
            return FileOpener.DEFAULT.open(p);
        };
        PidReader r = new PidReader(new ProcFs(dir, esrch));
        assertThat(r.rollup(2)).isEmpty();
        assertThat(r.lastOutcome()).isEqualTo(PidOutcome.UNAVAILABLE);
        assertThat(r.cmdline(2)).hasValue("");
    }

    @Test
    void smapsIsSummedWhenRollupIsMissing() {
        new FakeProc(dir).pid(12, "old-kernel").smapsOnly(300, 100);
        PidReader r = new PidReader(new ProcFs(dir));
        SmapsRollup s = r.rollup(12).orElseThrow();
        assertThat(s.pss()).isEqualTo(600 * 1024);
        assertThat(s.rss()).isEqualTo(1200 * 1024);
        assertThat(s.uss()).isEqualTo(200 * 1024);
        assertThat(s.pssAnon()).isEmpty();
    }

    @Test
    void readerGrowsForLargeFiles() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("7f00-7f01 rw-p 0 0:0 0\nRss: 4 kB\nPss: 2 kB\nPrivate_Dirty: 1 kB\n");
        }
        FakeProc proc = new FakeProc(dir);
        proc.pid(13, "big").smapsOnly(1, 1);
        proc.write("13/smaps", sb.toString());
        SmapsRollup s = new PidReader(new ProcFs(dir)).rollup(13).orElseThrow();
        assertThat(s.pss()).isEqualTo(5000L * 2 * 1024);
        assertThat(s.uss()).isEqualTo(5000L * 1024);
    }

    @Test
    void listPidsKeepsNumericEntriesSortedAndCapped() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(30, "c");
        proc.pid(4, "a");
        proc.pid(100, "b");
        proc.write("self/x", "");
        proc.write("12abc/stat", "");
        ProcFs fs = new ProcFs(dir);
        assertThat(fs.listPids(Integer.MAX_VALUE)).containsExactly(4, 30, 100);
        assertThat(fs.listPids(2)).hasSize(2);
    }
}
