package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.maps.MapsStatus;
import io.herakles.procmem.model.maps.ProcessMaps;
import io.herakles.procmem.model.maps.ScanProgress;
import io.herakles.procmem.model.maps.SharedMapping;
import io.herakles.procmem.model.maps.SharedMemoryReport;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapsReaderTest {

    @TempDir
    Path dir;

    private static byte[] libcAndShm(long shmRss, long shmPss) {
        return libcAndShm(shmRss, shmPss, "/home/me/only-mine.dat");
    }

    private static byte[] libcAndShm(long shmRss, long shmPss, String ownFile) {
        return new SmapsText()
                .mapping("1000-2000", "r-xp", "/usr/lib/libc.so.6", 1024, 800, 100, 800, 0, 0, 0)
                .mapping("2000-3000", "rw-p", "/usr/lib/libc.so.6", 16, 16, 16, 0, 0, 16, 0)
                .mapping("3000-4000", "rw-s", "/dev/shm/seg (deleted)", 4096, shmRss, shmPss, shmRss, 0, 0, 0)
                .mapping("4000-5000", "rw-p", "[heap]", 100, 100, 100, 0, 0, 100, 0)
                .mapping("5000-6000", "rw-p", ownFile, 8, 8, 8, 0, 8, 0, 0)
                .bytes();
    }

    @Test
    void readsTheMappingsOfAProcess() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(10, "app");
        proc.write("10/smaps", libcAndShm(4096, 2048));
        ProcessMaps maps = new MapsReader(new ProcFs(dir)).read(10);
        assertThat(maps.status()).isEqualTo(MapsStatus.OK);
        assertThat(maps.mappings()).hasSize(5);
        assertThat(maps.totals().rss()).isEqualTo((800 + 16 + 4096 + 100 + 8) * 1024L);
    }

    @Test
    void deniedIsAbsentWithTheHint() {
        new FakeProc(dir).pid(11, "other-user");
        FileOpener deny = p -> {
            if (p.endsWith("smaps")) {
                throw new AccessDeniedException(p.toString());
            }
            return FileOpener.DEFAULT.open(p);
        };
        ProcessMaps maps = new MapsReader(new ProcFs(dir, deny)).read(11);
        assertThat(maps.status()).isEqualTo(MapsStatus.DENIED);
        assertThat(maps.mappings()).isEmpty();
        assertThat(maps.reason()).contains("run as root or grant CAP_SYS_PTRACE");
    }

    @Test
    void goneBeforeOrWhileReading() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(12, "short-lived");
        proc.remove(12);
        assertThat(new MapsReader(new ProcFs(dir)).read(12).status()).isEqualTo(MapsStatus.GONE);
        assertThat(new MapsReader(new ProcFs(dir)).read(99999).reason()).isEqualTo("process 99999 is gone");

        proc.pid(13, "exits-mid-read");
        FileOpener exitsMidRead = p -> {
            if (p.endsWith("smaps")) {
                proc.remove(13);
                throw new IOException("No such process");
            }
            return FileOpener.DEFAULT.open(p);
        };
        assertThat(new MapsReader(new ProcFs(dir, exitsMidRead)).read(13).status()).isEqualTo(MapsStatus.GONE);
    }

    @Test
    void kernelThreadsAndZombiesHaveNoAddressSpace() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(2, "kthreadd").kernelThread();
        proc.write("2/smaps", "");
        ProcessMaps kthread = new MapsReader(new ProcFs(dir)).read(2);
        assertThat(kthread.status()).isEqualTo(MapsStatus.NO_ADDRESS_SPACE);
        assertThat(kthread.reason()).isEqualTo("pid 2 is a kernel thread: it has no memory maps");

        proc.pid(14, "zombie");
        proc.write("14/smaps", "");
        proc.write("14/stat", "14 (zombie) Z 1 14 14 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 1000 0 0 0\n");
        assertThat(new MapsReader(new ProcFs(dir)).read(14).reason()).contains("zombie");
    }

    @Test
    void sharedScanSumsWhatTwoOrMoreProcessesMap() {
        FakeProc proc = new FakeProc(dir);
        proc.pid(20, "first");
        proc.write("20/smaps", libcAndShm(4096, 2048));
        proc.pid(21, "second");
        proc.write("21/smaps", libcAndShm(4096, 2048, "/home/you/only-yours.dat"));
        proc.pid(22, "denied");
        proc.pid(2, "kthreadd").kernelThread();
        proc.write("2/smaps", "");
        FileOpener deny22 = p -> {
            if (p.toString().endsWith("22/smaps")) {
                throw new AccessDeniedException(p.toString());
            }
            return FileOpener.DEFAULT.open(p);
        };
        AtomicInteger lastDone = new AtomicInteger();
        SharedMemoryReport report = new SharedMappingScan(new ProcFs(dir, deny22), 1).run(new ScanProgress() {
            @Override
            public void progress(int done, int total) {
                lastDone.set(done * 100 + total);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });

        assertThat(report.scanned()).isEqualTo(2);
        assertThat(report.denied()).isEqualTo(1);
        assertThat(report.cancelled()).isFalse();
        assertThat(lastDone.get()).isEqualTo(404);
        // shm overstated by 2 × 2 MiB, libc by 2 × 700 KiB; the file only one process maps is not listed
        assertThat(report.shared()).extracting(SharedMapping::path)
                .containsExactly("/dev/shm/seg (deleted)", "/usr/lib/libc.so.6");
        SharedMapping libc = report.shared().get(1);
        assertThat(libc.processes()).isEqualTo(2);
        assertThat(libc.rss()).isEqualTo(2 * 816 * 1024L);
        assertThat(libc.pss()).isEqualTo(2 * 116 * 1024L);
        assertThat(libc.users()).extracting(SharedMapping.User::name).containsExactly("first", "second");
    }

    @Test
    void cancelStopsTheScanAndSaysSo() {
        FakeProc proc = new FakeProc(dir);
        for (int pid = 30; pid < 35; pid++) {
            proc.pid(pid, "p" + pid);
            proc.write(pid + "/smaps", libcAndShm(8, 4));
        }
        AtomicInteger seen = new AtomicInteger();
        SharedMemoryReport report = new SharedMappingScan(new ProcFs(dir), 1).run(new ScanProgress() {
            @Override
            public void progress(int done, int total) {
                seen.set(done);
            }

            @Override
            public boolean cancelled() {
                return seen.get() >= 2;
            }
        });
        assertThat(report.cancelled()).isTrue();
        assertThat(report.scanned()).isEqualTo(2);
        assertThat(ScanProgress.NONE.cancelled()).isFalse();
    }

    @Test
    void severalThreadsGiveTheSameReportAsOne() {
        FakeProc proc = new FakeProc(dir);
        for (int pid = 40; pid < 80; pid++) {
            proc.pid(pid, "p" + pid);
            proc.write(pid + "/smaps", libcAndShm(8 + pid, 4 + pid % 3, "/home/p" + pid % 7 + ".dat"));
        }
        SharedMemoryReport one = new SharedMappingScan(new ProcFs(dir), 1).run(ScanProgress.NONE);
        SharedMemoryReport four = new SharedMappingScan(new ProcFs(dir), 4).run(ScanProgress.NONE);
        assertThat(four.scanned()).isEqualTo(40);
        assertThat(four.shared()).isEqualTo(one.shared());
        assertThat(one.shared()).hasSize(2 + 7);
    }
}
