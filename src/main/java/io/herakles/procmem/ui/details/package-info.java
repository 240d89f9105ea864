/**
 * The selected process's details pane ({@code DetailsView} + {@code DetailsViewModel}), the bounded
 * per-pid history behind its sparkline ({@code ProcessHistory}), and UI number formatting
 * ({@code Format}: binary byte units, "—" for absent values).
 *
 * <p>JavaFX UI (details). May import {@code model}, {@code config} and other {@code ui} packages;
 * never {@code collect}, {@code classify} or {@code export} (the {@code ui.app} composition root excepted).
 */
package io.herakles.procmem.ui.details;
