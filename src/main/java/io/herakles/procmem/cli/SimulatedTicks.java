package io.herakles.procmem.cli;

import io.herakles.procmem.collect.MonotonicClock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The engine's clock during {@code bench}'s passes: real time within a pass, but each pass starts exactly
 * {@code --tick} after the previous one (a sampler's fixed rate), so the rollup age bound sees
 * the passes a tick apart while they run back to back.
 */
final class SimulatedTicks implements MonotonicClock {
    private long offsetNanos;
    private long passStart = System.nanoTime();

    /** Starts the next pass {@code tickMs} after the previous one began (0: plain real time). */
    void advance(long tickMs) {
        if (tickMs == 0) {
            return;
        }
        // a pass longer than the tick delays the next one, as in the sampler: time never goes back
        passStart = Math.max(passStart + TimeUnit.MILLISECONDS.toNanos(tickMs), nanoTime());
        offsetNanos = passStart - System.nanoTime();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() + offsetNanos;
    }

    @Override
    public Instant now() {
        return Instant.now().plusNanos(offsetNanos);
    }
}
