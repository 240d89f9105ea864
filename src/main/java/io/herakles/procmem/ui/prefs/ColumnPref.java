package io.herakles.procmem.ui.prefs;

/**
 * One column of the process table as the user left it; the list order is the display order.
 * Immutable.
 *
 * @param id      the column's id ({@code pid}, {@code name}, {@code uss}, ...)
 * @param visible whether it is shown
 * @param width   its width in pixels, positive
 */
public record ColumnPref(String id, boolean visible, double width) {}
