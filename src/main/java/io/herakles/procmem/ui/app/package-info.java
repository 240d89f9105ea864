/**
 * The desktop UI's composition root: {@link io.herakles.procmem.ui.app.DesktopApp} (the JavaFX
 * {@code Application}, started by {@code Main} through {@code DesktopApp.launch(services, file)}),
 * the main window that wires every view to one store, and
 * {@link io.herakles.procmem.ui.app.DesktopServices}, everything the window needs from outside the
 * UI (live snapshots, exporter, snapshot files, signals). May import {@code model}, {@code config}
 * and the other {@code ui} packages, and — as the composition root only — the engine, classifier,
 * exporters and the {@code collect} reads (process checks before a signal) to implement
 * {@code DesktopServices}.
 */
package io.herakles.procmem.ui.app;
