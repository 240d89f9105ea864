/**
 * The desktop's per-user preferences: what they hold ({@code DesktopPrefs}), where they live
 * ({@code PrefsLocation}, {@code $XDG_CONFIG_HOME/herakles/desktop.json}), reading them key by key
 * and writing them atomically ({@code PrefsFile}, {@code PrefsStore}), and the pure rules applying
 * them needs (a window kept on a visible screen, the recent-files list). No JavaFX: the window
 * applies and captures them in {@code ui.app}. May import {@code model}, {@code config} and other
 * {@code ui} packages (+ Jackson); never {@code collect}, {@code classify} or {@code export}.
 */
package io.herakles.procmem.ui.prefs;
