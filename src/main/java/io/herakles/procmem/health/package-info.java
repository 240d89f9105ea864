/** Upstream's Buffer Health API: thresholds, statuses, worst-of overall. Imports nothing of ours. */
package io.herakles.procmem.health;
