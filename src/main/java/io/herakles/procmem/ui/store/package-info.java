/**
 * The UI's single source of truth on the FX thread: which snapshot is shown (live or a file),
 * paused, the selected pid and the chosen metric; fed on the FX thread with snapshots prepared off it.
 * May import {@code model}, {@code config} and other {@code ui} packages; never {@code collect},
 * {@code classify} or {@code export}.
 */
package io.herakles.procmem.ui.store;
