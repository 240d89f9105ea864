package io.herakles.procmem.ui.prefs;

/** The user's choice in View → Theme: follow the desktop, or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK
}
