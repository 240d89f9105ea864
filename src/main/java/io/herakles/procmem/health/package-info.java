/**
 * Upstream's Buffer Health API: per-buffer capacity and thresholds ({@link io.herakles.procmem.health.BufferHealthConfig}),
 * thread-safe current usage ({@link io.herakles.procmem.health.HealthState}), strict threshold
 * comparisons and a worst-of overall status, serialised in upstream's JSON shape.
 * Imports nothing of ours (Jackson only, for the JSON).
 */
package io.herakles.procmem.health;
