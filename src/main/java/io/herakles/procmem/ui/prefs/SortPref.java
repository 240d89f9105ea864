package io.herakles.procmem.ui.prefs;

/**
 * One key of the process table's sort; the list order is the sort's precedence. Immutable.
 *
 * @param id        the column's id
 * @param ascending true for ascending, false for descending
 */
public record SortPref(String id, boolean ascending) {}
