package io.herakles.procmem.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@code cpu*} lines and {@code btime} of {@code /proc/stat}. Immutable.
 *
 * @param lines    every {@code cpu}/{@code cpuN} line with at least user..idle, in file order
 * @param bootTime {@code btime}, seconds since the epoch, absent when missing
 */
public record CpuStat(List<CpuTimes> lines, OptionalLong bootTime) {

    public static final CpuStat EMPTY = new CpuStat(List.of(), OptionalLong.empty());

    public CpuStat {
        lines = List.copyOf(lines);
    }

    /**
     * Ticks of one cpu line: busy and idle parts as upstream counts them: total = user + nice
     * + system + idle + iowait + irq + softirq + steal (missing fields 0; guest ignored), idle = idle + iowait.
     */
    public record CpuTimes(String label, long total, long idle) {}

    /** Number of {@code cpuN} lines (online CPUs). */
    public int cpuCount() {
        return (int) lines.stream().filter(l -> !l.label().equals("cpu")).count();
    }

    /** Parses {@code /proc/stat}; never fails (malformed lines are skipped). */
    public static CpuStat parse(byte[] b, int len) {
        List<CpuTimes> out = new ArrayList<>();
        OptionalLong btime = OptionalLong.empty();
        for (String line : Bytes.text(b, 0, len).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].startsWith("cpu") && f.length >= 5) {
                parseCpu(f).ifPresent(out::add);
            } else if (f[0].equals("btime") && f.length >= 2) {
                btime = parseLong(f[1]);
            }
        }
        return new CpuStat(out, btime);
    }

    private static java.util.Optional<CpuTimes> parseCpu(String[] f) {
        long[] v = new long[8];
        for (int i = 0; i < 8 && i + 1 < f.length; i++) {
            OptionalLong x = parseLong(f[i + 1]);
            if (x.isEmpty()) {
                return java.util.Optional.empty();
            }
            v[i] = x.getAsLong();
        }
        long total = 0;
        for (long x : v) {
            total += x;
        }
        return java.util.Optional.of(new CpuTimes(f[0], total, v[3] + v[4]));
    }

    private static OptionalLong parseLong(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
