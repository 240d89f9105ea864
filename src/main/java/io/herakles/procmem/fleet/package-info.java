/**
 * The fleet view: every host's herakles metrics read back from Prometheus (or anything that speaks
 * its HTTP query API: Thanos, Mimir, VictoriaMetrics) — a model of hosts and their subgroup totals,
 * not a {@code Snapshot}; it never goes through the engine. The PromQL is in {@link
 * io.herakles.procmem.fleet.FleetQueries} and documented in docs/FLEET.md. May import
 * {@code remote} (connection settings) and Jackson; never the engine, the exporter, the CLI or the UI.
 */
package io.herakles.procmem.fleet;
