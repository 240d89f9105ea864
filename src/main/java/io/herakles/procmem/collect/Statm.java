package io.herakles.procmem.collect;

import java.util.OptionalLong;

/** Parser for {@code /proc/PID/statm} (sizes in pages). Stateless. */
public final class Statm {

    private Statm() {}

    /** Resident pages (field 2) × {@code pageSize}, absent when malformed. */
    public static OptionalLong rssBytes(byte[] b, int len, long pageSize) {
        int[] end = new int[1];
        long size = Bytes.unsigned(b, 0, len, end);
        if (size == Bytes.NONE) {
            return OptionalLong.empty();
        }
        long resident = Bytes.unsigned(b, end[0], len, end);
        return resident == Bytes.NONE ? OptionalLong.empty() : OptionalLong.of(resident * pageSize);
    }
}
