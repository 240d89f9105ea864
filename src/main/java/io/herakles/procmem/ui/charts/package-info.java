/**
 * The header row of TilesFX tiles ({@code HeaderTilesView}, figures in {@code HeaderFigures}) and
 * the live CPU-per-group chart ({@code CpuChartView}, bounded history in {@code GroupCpuHistory}).
 *
 * <p>JavaFX UI (charts). May import {@code model}, {@code config} and other {@code ui} packages;
 * never {@code collect}, {@code classify} or {@code export} (the {@code ui.app} composition root excepted).
 */
package io.herakles.procmem.ui.charts;
