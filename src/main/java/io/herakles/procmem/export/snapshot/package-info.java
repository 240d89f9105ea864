/**
 * The snapshot file format: JSON in upstream's test-data layout plus our extra fields, written and
 * read by File → Export / Open, served by {@code /snapshot}, replayed by {@code -t FILE} and produced
 * synthetically by {@code generate-testdata} (that subcommand and the format keep upstream's name).
 * May import {@code model} (and Jackson).
 *
 * <p>Entry points: {@link io.herakles.procmem.export.snapshot.SnapshotJsonWriter} (File → Export,
 * {@code generate-testdata}), {@link io.herakles.procmem.export.snapshot.SnapshotJsonReader} (strict,
 * one-line {@link io.herakles.procmem.export.snapshot.SnapshotFileException} messages),
 * {@link io.herakles.procmem.export.snapshot.SnapshotFileSource} ({@code -t FILE}, File → Open),
 * {@link io.herakles.procmem.export.snapshot.TestDataGenerator} with
 * {@link io.herakles.procmem.export.snapshot.SubgroupPatterns} ({@code generate-testdata}), and
 * {@link io.herakles.procmem.export.snapshot.SyntheticSnapshots} (benchmark and UI test input).
 */
package io.herakles.procmem.export.snapshot;
