package io.herakles.procmem.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.herakles.procmem.ui.prefs.ThemeChoice;
import io.herakles.procmem.ui.theme.Palette;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * Light or dark: AtlantaFX's Primer Light or Primer Dark as the base of every control (and of the
 * dialogs, as it is the application's user-agent stylesheet), the {@code :dark} pseudo-class on
 * the window's root for our own stylesheet, and the {@link Palette} for what we draw. Follows the
 * desktop's preference unless View → Theme says Light or Dark; the choice is a preference. FX
 * thread only.
 */
final class ThemeController {

    static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final ObjectProperty<ThemeChoice> choice;
    private final Parent root;
    private final Consumer<Palette> palette;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private boolean systemPrefersDark;

    ThemeController(ObjectProperty<ThemeChoice> choice, Parent root, Consumer<Palette> palette) {
        this.choice = choice;
        this.root = root;
        this.palette = palette;
        choice.addListener((obs, old, now) -> apply());
        apply();
    }

    /** What the desktop prefers (asked off the FX thread at start); applies when View → Theme is System. */
    void setSystemPrefersDark(boolean prefersDark) {
        systemPrefersDark = prefersDark;
        apply();
    }

    /** Whether the window is dark now. */
    ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void apply() {
        ThemeChoice c = choice.get() == null ? ThemeChoice.SYSTEM : choice.get();
        boolean nowDark = c == ThemeChoice.DARK || (c == ThemeChoice.SYSTEM && systemPrefersDark);
        Application.setUserAgentStylesheet(nowDark
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        root.pseudoClassStateChanged(DARK, nowDark);
        palette.accept(Palette.of(nowDark));
        dark.set(nowDark);
    }

    /** View → Theme: System, Light, Dark, bound to the choice. */
    Menu menu() {
        Menu menu = new Menu("_Theme");
        menu.setId("themeMenu");
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice c : ThemeChoice.values()) {
            String name = c.name().charAt(0) + c.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            RadioMenuItem item = new RadioMenuItem("_" + (c == ThemeChoice.SYSTEM ? "System (follow the desktop)" : name));
            item.setId("theme" + name);
            item.setToggleGroup(group);
            item.setSelected(choice.get() == c);
            item.setOnAction(e -> choice.set(c));
            choice.addListener((obs, old, now) -> item.setSelected(now == c));
            menu.getItems().add(item);
        }
        return menu;
    }
}
