/**
 * Light and dark: whether the desktop prefers dark ({@code DesktopColorScheme}: the freedesktop
 * appearance portal, GNOME's {@code color-scheme}, {@code GTK_THEME}), the colours our own canvases
 * use in each ({@code Palette}), and WCAG contrast arithmetic ({@code Contrast}). No JavaFX scene
 * code beyond {@code Color}. May import {@code model}, {@code config} and other {@code ui}
 * packages; never {@code collect}, {@code classify} or {@code export}.
 */
package io.herakles.procmem.ui.theme;
