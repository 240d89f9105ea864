/**
 * The desktop UI's composition root: {@link io.herakles.procmem.ui.app.DesktopApp} (the JavaFX
 * {@code Application}, started by {@code Main} through {@code DesktopApp.launch(services, file)}),
 * the main window that wires every view to one store, what it remembers between runs
 * ({@code WindowPrefs}, stored through {@code ui.prefs}), light or dark ({@code ThemeController}),
 * and
 * {@link io.herakles.procmem.ui.app.DesktopServices}, everything the window needs from outside the
 * UI (live snapshots, exporter, snapshot files, signals, memory maps, another machine's exporter); the Fleet tab's
 * loading. May import {@code model}, {@code config}, the other {@code ui} packages, {@code runtime}
 * (the engine, rules and exporter, composed as for {@code --exporter}), {@code remote} (connection
 * settings, the remote source), {@code fleet} (reading Prometheus) and the snapshot file format of
 * {@code export.snapshot}, recordings ({@code export.recording}) and {@code analysis}; never
 * {@code collect}, {@code classify}, {@code engine} or {@code export.prometheus} directly.
 */
package io.herakles.procmem.ui.app;
