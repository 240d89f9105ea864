/**
 * Memory over time: differences between two snapshots ({@link io.herakles.procmem.analysis.SnapshotDiffer})
 * and leak suspects in a series of them ({@link io.herakles.procmem.analysis.LeakFinder}). Pure
 * functions of immutable snapshots; imports only {@code model}, so the command line and the desktop
 * compute the same answers.
 */
package io.herakles.procmem.analysis;
