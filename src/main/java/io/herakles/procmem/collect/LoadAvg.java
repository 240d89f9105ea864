package io.herakles.procmem.collect;

import java.util.Optional;

/** The three load averages of {@code /proc/loadavg}. Immutable. */
public record LoadAvg(double load1, double load5, double load15) {

    /** Parses {@code loadavg}; empty unless the first three fields are numbers. */
    public static Optional<LoadAvg> parse(byte[] b, int len) {
        String[] f = Bytes.text(b, 0, len).trim().split("\\s+");
        if (f.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoadAvg(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** First field of {@code /proc/uptime} in seconds; empty when malformed. */
    public static Optional<Double> parseUptime(byte[] b, int len) {
        String[] f = Bytes.text(b, 0, len).trim().split("\\s+");
        try {
            return Optional.of(Double.parseDouble(f[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
