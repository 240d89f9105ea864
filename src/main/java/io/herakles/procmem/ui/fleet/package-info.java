/**
 * The Fleet tab: a treemap instance → group → subgroup and a sortable, filterable host table over
 * a {@code fleet.Fleet} (the records only; loading it from Prometheus is {@code ui.app}'s job).
 * May import {@code model}, the {@code fleet.Fleet} records and other {@code ui} packages.
 */
package io.herakles.procmem.ui.fleet;
