/**
 * The process table: rows reconciled in place by pid, the filter (text and groups) and sorting by
 * raw values, as a view-model testable without a window, plus the view. May import {@code model},
 * {@code config} and other {@code ui} packages; never {@code collect}, {@code classify} or
 * {@code export}.
 */
package io.herakles.procmem.ui.processes;
