package io.herakles.procmem.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Cadences and budgets of one collection tick. Immutable.
 *
 * @param rollupInterval  minimum age of a process's PSS/USS before {@code smaps_rollup} is read again
 *                        (zero: every tick); the sampler uses half its interval, which is also the
 *                        margin by which an age-bound read is brought forward to the tick before
 * @param rollupBudget    wall time one tick may spend on {@code smaps_rollup} reads; processes left
 *                        over keep their last PSS/USS and are read first next tick
 * @param cmdlineRefresh  how often a known process's {@code cmdline} is re-read (programs rewrite
 *                        their titles); {@code comm} changes are seen every tick through {@code stat}
 * @param slowReadFactor  guard for huge processes: after a rollup read that took {@code c}, the next
 *                        one waits at least {@code c × slowReadFactor} (so reading one process costs
 *                        at most 1/factor of the time)
 * @param rollupMaxAge    change-driven reads: a process whose memory counters ({@code stat}'s resident
 *                        pages and page faults) did not move keeps its PSS/USS until they are this
 *                        old; zero reads every process whenever {@code rollupInterval} allows
 */
public record CollectorTuning(Duration rollupInterval, Duration rollupBudget, Duration cmdlineRefresh,
        int slowReadFactor, Duration rollupMaxAge) {

    public CollectorTuning {
        Objects.requireNonNull(rollupInterval, "rollupInterval");
        Objects.requireNonNull(rollupBudget, "rollupBudget");
        Objects.requireNonNull(cmdlineRefresh, "cmdlineRefresh");
        Objects.requireNonNull(rollupMaxAge, "rollupMaxAge");
        if (rollupMaxAge.isNegative()) {
            throw new IllegalArgumentException("rollupMaxAge must not be negative: " + rollupMaxAge);
        }
    }

    /** Without change detection: every due process is read (a rollup age bound of zero). */
    public CollectorTuning(Duration rollupInterval, Duration rollupBudget, Duration cmdlineRefresh, int slowReadFactor) {
        this(rollupInterval, rollupBudget, cmdlineRefresh, slowReadFactor, Duration.ZERO);
    }

    /** Every rollup every tick, no budget: what a benchmark pass or a one-shot export wants. */
    public static CollectorTuning complete() {
        return new CollectorTuning(Duration.ZERO, Duration.ofDays(1), Duration.ofSeconds(30), 0);
    }

    /**
     * Defaults for a sampler ticking every {@code interval}: rollups due every tick, a budget of a
     * quarter of the interval (at least 100 ms), slow processes read at most 2 % of the time.
     */
    public static CollectorTuning forInterval(Duration interval) {
        Duration budget = interval.dividedBy(4);
        if (budget.compareTo(Duration.ofMillis(100)) < 0) {
            budget = Duration.ofMillis(100);
        }
        // half the interval, so jitter between ticks never makes a process skip a tick
        return new CollectorTuning(interval.dividedBy(2), budget, Duration.ofSeconds(30), 50);
    }

    /** Same with another budget (the first tick gets a larger one so it is complete). */
    public CollectorTuning withBudget(Duration budget) {
        return new CollectorTuning(rollupInterval, budget, cmdlineRefresh, slowReadFactor, rollupMaxAge);
    }

    /** Same with another age bound for unchanged processes (zero: no change detection). */
    public CollectorTuning withRollupMaxAge(Duration maxAge) {
        return new CollectorTuning(rollupInterval, rollupBudget, cmdlineRefresh, slowReadFactor, maxAge);
    }
}
