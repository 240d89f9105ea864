/**
 * The memory treemap: a pure squarified layout ({@code TreemapLayout}, {@code Rect}), the
 * group → subgroup → process view-model with zoom ({@code TreemapModel}, {@code ZoomPath}), an
 * immutable frame of hierarchy + layout that can be computed off the FX thread ({@code TreemapFrame}),
 * and the canvas-drawn {@code TreemapView} (usable on its own). Also the stable group colours
 * ({@code GroupPalette}) shared by the charts.
 *
 * <p>JavaFX UI (treemap). May import {@code model}, {@code config} and other {@code ui} packages;
 * never {@code collect}, {@code classify} or {@code export} (the {@code ui.app} composition root excepted).
 */
package io.herakles.procmem.ui.treemap;
