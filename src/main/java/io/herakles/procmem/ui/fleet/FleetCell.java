package io.herakles.procmem.ui.fleet;

import io.herakles.procmem.ui.treemap.Rect;

/**
 * One rectangle of the fleet treemap. Immutable.
 *
 * @param depth    0 = host, 1 = group, 2 = subgroup
 * @param instance the host it belongs to
 * @param group    empty for a host cell
 * @param label    what to write in it
 * @param bytes    its size (USS)
 * @param rect     where, in pixels
 */
public record FleetCell(int depth, String instance, String group, String label, long bytes, Rect rect) {}
