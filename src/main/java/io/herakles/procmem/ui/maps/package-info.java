/**
 * Inside a process and across processes: the "Memory maps" tab of the details (every mapping of
 * the selected process's {@code smaps}, sortable and filterable, grouped by path or kind, with a
 * small treemap kind → path) and the "Shared memory" view (what files and segments several
 * processes map, RSS summed against PSS summed). The reads themselves come from a function the
 * composition root ({@code ui.app}) hands in and run on a background thread here, never on the FX
 * thread; the maps tab reads only while it is open.
 *
 * <p>JavaFX UI. May import {@code model} (with {@code model.maps}), {@code config} and other
 * {@code ui} packages; never {@code collect}, {@code engine}, {@code runtime} or {@code export}.
 */
package io.herakles.procmem.ui.maps;
