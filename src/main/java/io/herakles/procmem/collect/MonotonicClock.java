package io.herakles.procmem.collect;

import java.time.Instant;

/** Time source of the collector: a monotonic clock for deltas and a wall clock for timestamps. */
public interface MonotonicClock {

    /** Monotonic nanoseconds (only differences mean anything). */
    long nanoTime();

    /** Wall-clock now. */
    Instant now();

    MonotonicClock SYSTEM = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };
}
