/**
 * Small helpers every UI package shares: the one FX-thread executor (with the coalescing hand-off)
 * and the formatting of bytes, percentages and times ("—" for unknown). May import {@code model},
 * {@code config} and other {@code ui} packages; never {@code collect}, {@code classify} or
 * {@code export}.
 */
package io.herakles.procmem.ui.common;
