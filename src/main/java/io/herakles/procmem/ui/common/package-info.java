/**
 * Small helpers every UI package shares: the one FX-thread executor (with the coalescing hand-off),
 * {@code BackgroundPreparer} (latest-wins preparation on one "ui-prepare" thread before that hop),
 * the formatting of bytes, percentages and times ("—" for unknown) in {@code Formats}, and
 * {@code CanvasRegion}, the base of the views drawn on one canvas. May import {@code model},
 * {@code config} and other {@code ui} packages; never {@code collect}, {@code classify} or
 * {@code export}.
 */
package io.herakles.procmem.ui.common;
