/**
 * Snapshot JSON (upstream's test-data format plus our extra fields) write/read and a replaying
 * snapshot source. May import {@code model} (and Jackson).
 *
 * <p>Entry points: {@link io.herakles.procmem.export.testdata.SnapshotJsonWriter} (File → Export,
 * {@code generate-testdata}), {@link io.herakles.procmem.export.testdata.SnapshotJsonReader} (strict,
 * one-line {@link io.herakles.procmem.export.testdata.SnapshotFileException} messages),
 * {@link io.herakles.procmem.export.testdata.SnapshotFileSource} ({@code -t FILE}, File → Open),
 * {@link io.herakles.procmem.export.testdata.TestDataGenerator} with
 * {@link io.herakles.procmem.export.testdata.SubgroupPatterns} ({@code generate-testdata}), and
 * {@link io.herakles.procmem.export.testdata.SyntheticSnapshots} (benchmark and UI test input).
 */
package io.herakles.procmem.export.testdata;
