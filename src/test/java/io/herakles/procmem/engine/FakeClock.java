package io.herakles.procmem.engine;

import io.herakles.procmem.collect.MonotonicClock;
import java.time.Instant;

/** A clock that moves only when told. Tests only; not thread-safe beyond volatile reads. */
final class FakeClock implements MonotonicClock {
    private volatile long nanos = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return Instant.ofEpochSecond(1_700_000_000L).plusNanos(nanos);
    }

    void advanceSeconds(double s) {
        nanos += (long) (s * 1e9);
    }
}
