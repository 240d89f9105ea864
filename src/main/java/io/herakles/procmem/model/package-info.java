/** Immutable snapshot records, the snapshot source interfaces and pure aggregation. Imports nothing of ours; no JavaFX, Prometheus or Jackson. */
package io.herakles.procmem.model;
