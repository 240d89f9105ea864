package io.herakles.procmem.health;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Current usage of the three buffers plus their thresholds (upstream's {@code HealthState}).
 * Thread-safe: every value is an independent atomic; updates and {@link #getHealth()} may run on
 * any thread. Values start at 0 KiB.
 */
public final class HealthState {

    public static final String IO_BUFFER = "io_buffer_kb";
    public static final String SMAPS_BUFFER = "smaps_buffer_kb";
    public static final String SMAPS_ROLLUP_BUFFER = "smaps_rollup_buffer_kb";

    private final HealthThresholds thresholds;
    private final AtomicLong ioBufferKb = new AtomicLong();
    private final AtomicLong smapsBufferKb = new AtomicLong();
    private final AtomicLong smapsRollupBufferKb = new AtomicLong();

    public HealthState(HealthThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public HealthThresholds thresholds() {
        return thresholds;
    }

    public void updateIoBufferKb(long kb) {
        ioBufferKb.set(kb);
    }

    public long getIoBufferKb() {
        return ioBufferKb.get();
    }

    public void updateSmapsBufferKb(long kb) {
        smapsBufferKb.set(kb);
    }

    public long getSmapsBufferKb() {
        return smapsBufferKb.get();
    }

    public void updateSmapsRollupBufferKb(long kb) {
        smapsRollupBufferKb.set(kb);
    }

    public long getSmapsRollupBufferKb() {
        return smapsRollupBufferKb.get();
    }

    /** Evaluates every buffer now; the overall status is the worst of the three. */
    public HealthResponse getHealth() {
        List<BufferHealth> buffers = List.of(
                BufferHealth.evaluate(IO_BUFFER, thresholds.ioBuffer(), getIoBufferKb()),
                BufferHealth.evaluate(SMAPS_BUFFER, thresholds.smapsBuffer(), getSmapsBufferKb()),
                BufferHealth.evaluate(SMAPS_ROLLUP_BUFFER, thresholds.smapsRollupBuffer(), getSmapsRollupBufferKb()));
        HealthStatus overall = HealthStatus.OK;
        for (BufferHealth b : buffers) {
            overall = overall.worst(b.status());
        }
        return new HealthResponse(buffers, overall);
    }
}
