package io.herakles.procmem.collect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest single file read so far of each kind upstream's buffer health reports:
 * {@code io} = comm/cmdline, {@code smaps} = smaps (only read where smaps_rollup is missing),
 * {@code rollup} = smaps_rollup. Bytes; maxima never decrease, as upstream's. Thread-safe.
 */
public final class LargestReads {

    private final AtomicLong io = new AtomicLong();
    private final AtomicLong smaps = new AtomicLong();
    private final AtomicLong rollup = new AtomicLong();

    void io(long bytes) {
        io.accumulateAndGet(bytes, Math::max);
    }

    void smaps(long bytes) {
        smaps.accumulateAndGet(bytes, Math::max);
    }

    void rollup(long bytes) {
        rollup.accumulateAndGet(bytes, Math::max);
    }

    public long ioBytes() {
        return io.get();
    }

    public long smapsBytes() {
        return smaps.get();
    }

    public long rollupBytes() {
        return rollup.get();
    }
}
