package io.herakles.procmem.collect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one way to reach the proc filesystem: every {@code /proc} path is built from {@link #root()}
 * ({@code --procfs}, default {@code /proc}), so tests point it at a fixture tree and containers at
 * {@code /host/proc}. Immutable and thread-safe; the per-file readers it hands out are not.
 *
 * <p>Constants: {@link #CLK_TCK} is 100, the value of USER_HZ that Linux exposes to user space on
 * every architecture we run on ({@code sysconf(_SC_CLK_TCK)} is not reachable from Java).
 * The page size for {@code statm} is read once from {@code ROOT/self/smaps} ("KernelPageSize" of
 * the first mapping) and is 4096 when that is unreadable (fixture trees, other hosts' roots).
 */
public final class ProcFs {

    /** Clock ticks per second of {@code stat} CPU times and start times (USER_HZ). */
    public static final int CLK_TCK = 100;

    /** Page size assumed when it cannot be read. */
    public static final long DEFAULT_PAGE_SIZE = 4096;

    private final Path root;
    private final long pageSize;
    private final FileOpener opener;
    private final LargestReads largestReads = new LargestReads();

    public ProcFs(Path root) {
        this(root, FileOpener.DEFAULT);
    }

    /** With a substitute opener (tests: permission and ESRCH errors). */
    public ProcFs(Path root, FileOpener opener) {
        this.root = Objects.requireNonNull(root, "root");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.pageSize = readPageSize(root);
    }

    /** A new reader for one thread, opening files the way this ProcFs does. */
    public ProcFileReader newReader() {
        return new ProcFileReader(opener);
    }

    /** The largest comm/cmdline, smaps and smaps_rollup files read through this root (buffer health). */
    public LargestReads largestReads() {
        return largestReads;
    }

    public Path root() {
        return root;
    }

    /** Bytes per page, for {@code statm}. */
    public long pageSize() {
        return pageSize;
    }

    /** {@code ROOT/PID}. */
    public Path pidDir(int pid) {
        return root.resolve(Integer.toString(pid));
    }

    /** {@code ROOT/PID/NAME}, e.g. {@code stat}. */
    public Path pidFile(int pid, String name) {
        return root.resolve(Integer.toString(pid) + '/' + name);
    }

    /** Whether {@code ROOT/PID} still exists (tells "exited" from "no such file" after a failed read). */
    public boolean isAlive(int pid) {
        return Files.isDirectory(pidDir(pid));
    }

    /**
     * The numeric entries of the root, ascending, at most {@code max} of them (in directory order
     * before sorting, as upstream's {@code max_processes}); empty when the root is unreadable.
     */
    public int[] listPids(int max) {
        int[] pids = new int[256];
        int n = 0;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            for (Path p : dir) {
                if (n >= max) {
                    break;
                }
                int pid = parsePid(p.getFileName().toString());
                if (pid > 0) {
                    if (n == pids.length) {
                        pids = Arrays.copyOf(pids, n * 2);
                    }
                    pids[n++] = pid;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new int[0];
        }
        int[] out = Arrays.copyOf(pids, n);
        Arrays.sort(out);
        return out;
    }

    static int parsePid(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // ---- whole-system files (read with the caller's reader) ----

    public MemInfo meminfo(ProcFileReader r) {
        return r.read(root.resolve("meminfo")) == ReadStatus.OK ? MemInfo.parse(r.bytes(), r.length()) : MemInfo.UNKNOWN;
    }

    public Optional<LoadAvg> loadavg(ProcFileReader r) {
        return r.read(root.resolve("loadavg")) == ReadStatus.OK ? LoadAvg.parse(r.bytes(), r.length()) : Optional.empty();
    }

    public CpuStat cpuStat(ProcFileReader r) {
        return r.read(root.resolve("stat")) == ReadStatus.OK ? CpuStat.parse(r.bytes(), r.length()) : CpuStat.EMPTY;
    }

    /** Seconds since boot, from {@code uptime}. */
    public Optional<Double> uptimeSeconds(ProcFileReader r) {
        return r.read(root.resolve("uptime")) == ReadStatus.OK ? LoadAvg.parseUptime(r.bytes(), r.length())
                : Optional.empty();
    }

    /**
     * Whether this process can read every process's {@code smaps_rollup} (root or
     * {@code CAP_SYS_PTRACE}), from {@code ROOT/self/status}; false when that is unreadable.
     */
    public boolean readsEveryProcess() {
        ProcFileReader r = newReader();
        return r.read(root.resolve("self/status")) == ReadStatus.OK && SelfPrivileges.readsEveryProcess(r.bytes(),
                r.length());
    }

    private static long readPageSize(Path root) {
        ProcFileReader r = new ProcFileReader();
        if (r.read(root.resolve("self/smaps")) != ReadStatus.OK) {
            return DEFAULT_PAGE_SIZE;
        }
        OptionalLong first = firstKernelPageSize(r.bytes(), r.length());
        return first.isPresent() && first.getAsLong() > 0 ? first.getAsLong() * 1024 : DEFAULT_PAGE_SIZE;
    }

    private static OptionalLong firstKernelPageSize(byte[] b, int len) {
        byte[] key = Bytes.ascii("KernelPageSize:");
        int line = 0;
        int[] end = new int[1];
        while (line < len) {
            int eol = Bytes.indexOf(b, (byte) '\n', line, len);
            eol = eol < 0 ? len : eol;
            if (KeyedLines.startsWith(b, line, eol, key)) {
                return KeyedLines.plain(Bytes.unsigned(b, line + key.length, eol, end));
            }
            line = eol + 1;
        }
        return OptionalLong.empty();
    }
}
