package io.herakles.procmem.ui.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * File → Open recent: one item per remembered snapshot file, its name with the folder in
 * parentheses, most recent first; disabled while there are none. FX thread only.
 */
final class RecentFilesMenu extends Menu {

    RecentFilesMenu(ObservableList<Path> files, Consumer<Path> open) {
        super("Open _recent");
        setId("recentMenu");
        files.addListener((ListChangeListener<Path>) c -> rebuild(files, open));
        rebuild(files, open);
    }

    private void rebuild(ObservableList<Path> files, Consumer<Path> open) {
        getItems().clear();
        for (Path file : files) {
            Path parent = file.getParent();
            MenuItem item = new MenuItem(file.getFileName() + (parent == null ? "" : "  (" + parent + ")"));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(file));
            getItems().add(item);
        }
        setDisable(files.isEmpty());
    }
}
