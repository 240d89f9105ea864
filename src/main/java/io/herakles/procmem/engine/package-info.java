/**
 * The sampling loop: tiers and cadences, collect, classify, aggregate, publish; last good snapshot;
 * self-statistics. May import {@code collect}, {@code classify}, {@code model}, {@code config}.
 *
 * <p>Entry points: {@link io.herakles.procmem.engine.Sampler} (the one sampler thread, publishing
 * into a {@code SnapshotSource}) and {@link io.herakles.procmem.engine.Collector} (one pass; used by
 * the sampler and by the benchmark).
 *
 * <p>Cadences (the tiers of docs/ARCHITECTURE.md#collection-tiers), as decided here:
 * <ul>
 * <li>tier 0, every tick, every pid: {@code stat} (name, state, CPU ticks, start time, threads) and,
 *     for accepted processes, {@code statm} (RSS). The name comes from {@code stat}, so a renamed
 *     process ({@code prctl}, exec) is noticed at once without reading {@code comm};</li>
 * <li>tier 1, on first sight of (pid, start time): {@code cmdline} and {@code status} (uid, memory
 *     parts), then the name filter and the classifier, whose result is cached with the process.
 *     {@code cmdline} is re-read every 30 s (programs rewrite their titles) or when the name
 *     changes; a changed name or command line is classified again;</li>
 * <li>tier 2, due once per tick (age ≥ half the interval), oldest first, within a budget of a
 *     quarter of the interval (≥ 100 ms; 5 s for the first tick so the first snapshot is complete):
 *     {@code smaps_rollup} ({@code smaps} where it is missing) together with {@code status} (VmSwap,
 *     RssAnon/File/Shmem change with memory, so they are refreshed with PSS/USS rather than every
 *     tick: that keeps tier 0 at two small files per process). Left-over processes keep their last
 *     PSS/USS and go first next tick. Guards: a process whose last rollup read took {@code c}
 *     waits at least 50 × {@code c}; one with RSS ≥ 64 GiB at least four intervals.</li>
 * </ul>
 * Every per-pid cache entry not seen in a pass is dropped in that pass.
 */
package io.herakles.procmem.engine;
