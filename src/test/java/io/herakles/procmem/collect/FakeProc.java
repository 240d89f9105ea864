package io.herakles.procmem.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a fake proc tree (files shaped like the kernel's) into a test directory. Tests only.
 */
public final class FakeProc {

    private final Path root;

    public FakeProc(Path root) {
        this.root = root;
        write("meminfo", "MemTotal:       16000000 kB\nMemFree:         1000000 kB\n"
                + "MemAvailable:    8000000 kB\nSwapTotal:       2000000 kB\nSwapFree:        1500000 kB\n");
        write("loadavg", "0.50 0.25 0.10 1/123 4567\n");
        cpu(1000, 0, 500, 8000, 100, 0, 10, 0);
        write("uptime", "12345.67 20000.00\n");
    }

    public Path root() {
        return root;
    }

    /** {@code /proc/stat} with one cpu line (+ cpu0) and a btime. */
    public FakeProc cpu(long user, long nice, long system, long idle, long iowait, long irq, long softirq, long steal) {
        String line = user + " " + nice + " " + system + " " + idle + " " + iowait + " " + irq + " " + softirq + " "
                + steal + " 0 0";
        write("stat", "cpu  " + line + "\ncpu0 " + line + "\nintr 1 2 3\nctxt 99\nbtime 1700000000\nprocesses 5\n");
        return this;
    }

    /** A process with the given stat fields; comm may be any bytes. */
    public Pid pid(int pid, byte[] comm) {
        return new Pid(pid, comm);
    }

    public Pid pid(int pid, String comm) {
        return new Pid(pid, comm.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes a pid directory, as when the process exits. */
    public void remove(int pid) {
        try (Stream<Path> s = Files.walk(root.resolve(Integer.toString(pid)))) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String rel, String text) {
        write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    void write(String rel, byte[] bytes) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builder of one pid directory. */
    public final class Pid {
        private final int pid;
        private final byte[] comm;
        private long utime;
        private long stime;
        private long start = 1000;
        private int threads = 1;
        private int ppid = 1;
        private long residentPages = 2500;
        private long statRssPages = 2500;
        private long minorFaults = 100;
        private long majorFaults;
        private long vsize = 12345678;

        Pid(int pid, byte[] comm) {
            this.pid = pid;
            this.comm = comm;
            stat();
            statm(2500);
            status(1000, 0, 0, 0, 0);
            cmdline("/usr/bin/" + new String(comm, StandardCharsets.UTF_8) + "\0--flag\0");
            rollup(10_000, 6_000, 1_000, 3_000);
        }

        public Pid cpu(long utimeTicks, long stimeTicks) {
            utime = utimeTicks;
            stime = stimeTicks;
            return stat();
        }

        public Pid start(long startTicks) {
            start = startTicks;
            return stat();
        }

        public Pid threads(int n) {
            threads = n;
            return stat();
        }

        public Pid stat() {
            byte[] head = (pid + " (").getBytes(StandardCharsets.UTF_8);
            byte[] tail = (") S " + ppid + " " + pid + " " + pid + " 0 -1 4194560 " + minorFaults + " 0 " + majorFaults
                    + " 0 " + utime + " " + stime + " 0 0 20 0 " + threads + " 0 " + start + " " + vsize + " "
                    + statRssPages + " 18446744073709551615 1 1 0 0 0 0 0 0 0"
                    + " 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + comm.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(comm, 0, all, head.length, comm.length);
            System.arraycopy(tail, 0, all, head.length + comm.length, tail.length);
            write(pid + "/stat", all);
            byte[] c = new byte[comm.length + 1];
            System.arraycopy(comm, 0, c, 0, comm.length);
            c[comm.length] = '\n';
            write(pid + "/comm", c);
            return this;
        }

        /** This many resident pages, in statm and (as the kernel keeps them equal) in stat. */
        public Pid statm(long pages) {
            residentPages = pages;
            statRssPages = pages;
            write(pid + "/statm", "9000 " + pages + " 300 100 0 800 0\n");
            return stat();
        }

        /**
         * Only stat's resident count, which recent kernels keep approximate (per-CPU deltas not yet
         * folded in) while statm is exact.
         */
        public Pid statRss(long pages) {
            statRssPages = pages;
            return stat();
        }

        /** Cumulative page faults in stat (minor, major): what a process that maps memory in raises. */
        public Pid faults(long minor, long major) {
            minorFaults = minor;
            majorFaults = major;
            return stat();
        }

        public Pid status(int uid, long rssAnonKb, long rssFileKb, long rssShmemKb, long swapKb) {
            write(pid + "/status", "Name:\tx\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t" + pid + "\nPid:\t" + pid
                    + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\nGid:\t0\t0\t0\t0\n"
                    + "VmRSS:\t   " + (rssAnonKb + rssFileKb + rssShmemKb) + " kB\nRssAnon:\t    " + rssAnonKb
                    + " kB\nRssFile:\t    " + rssFileKb + " kB\nRssShmem:\t       " + rssShmemKb + " kB\nVmSwap:\t  "
                    + swapKb + " kB\nThreads:\t" + threads + "\n");
            return this;
        }

        public Pid cmdline(String nulSeparated) {
            write(pid + "/cmdline", nulSeparated);
            return this;
        }

        public Pid cmdline(byte[] raw) {
            write(pid + "/cmdline", raw);
            return this;
        }

        /** smaps_rollup with these kB values (Private_Clean + Private_Dirty = USS). */
        public Pid rollup(long rssKb, long pssKb, long privateCleanKb, long privateDirtyKb) {
            write(pid + "/smaps_rollup", "55a0bfe1d000-7fffc59f3000 ---p 00000000 00:00 0   [rollup]\n"
                    + "Rss:            " + rssKb + " kB\nPss:            " + pssKb + " kB\n"
                    + "Pss_Dirty:          1 kB\nPss_Anon:        " + (pssKb / 2) + " kB\nPss_File:        "
                    + (pssKb - pssKb / 2) + " kB\nPss_Shmem:           0 kB\nShared_Clean:       1 kB\n"
                    + "Shared_Dirty:       0 kB\nPrivate_Clean:  " + privateCleanKb + " kB\nPrivate_Dirty:  "
                    + privateDirtyKb + " kB\nReferenced:         1 kB\nSwap:               0 kB\n"
                    + "SwapPss:            0 kB\nLocked:             0 kB\n");
            return this;
        }

        /** Deletes smaps_rollup (older kernels) and writes an smaps with two mappings instead. */
        public Pid smapsOnly(long pssKbEach, long privateDirtyKbEach) {
            root.resolve(pid + "/smaps_rollup").toFile().delete();
            String vma = "Size:   100 kB\nKernelPageSize:   4 kB\nRss:  " + (2 * pssKbEach) + " kB\nPss:  " + pssKbEach
                    + " kB\nShared_Clean: 0 kB\nPrivate_Clean:  0 kB\nPrivate_Dirty:  " + privateDirtyKbEach
                    + " kB\nSwap:  0 kB\nSwapPss:  0 kB\n";
            write(pid + "/smaps", "00400000-00452000 r-xp 00000000 08:02 173521  /usr/bin/x\n" + vma
                    + "7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n" + vma);
            return this;
        }

        /** A kernel thread: empty cmdline, zero statm, no smaps files. */
        public Pid kernelThread() {
            write(pid + "/cmdline", new byte[0]);
            residentPages = 0;
            statRssPages = 0;
            vsize = 0;
            stat();
            write(pid + "/statm", "0 0 0 0 0 0 0\n");
            write(pid + "/status", "Name:\tkthreadd\nUid:\t0\t0\t0\t0\nThreads:\t1\n");
            root.resolve(pid + "/smaps_rollup").toFile().delete();
            return this;
        }
    }
}
