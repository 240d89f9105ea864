package io.herakles.procmem.ui.app;

import io.herakles.procmem.ui.store.SnapshotStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The dismissible banner shown when the app cannot read other users' {@code smaps_rollup}: why
 * PSS/USS show "—" there, and how to grant more. Hides itself (and takes no space) once dismissed, and while a snapshot file is shown.
 */
final class AccessNotice extends HBox {

    static final String TEXT = "Not running as root: PSS and USS are shown only for your own processes "
            + "(others show \"—\"; RSS and CPU are complete). To see every process, run as root or grant "
            + "the packaged launcher the capabilities: sudo setcap cap_sys_ptrace,cap_dac_read_search+ep "
            + "/opt/herakles-proc-mem/bin/herakles-proc-mem (not /usr/bin/java: that would grant them to every Java program).";

    private final BooleanProperty dismissed = new SimpleBooleanProperty(this, "dismissed", false);

    /** Shown while live (a file's values were collected elsewhere) until dismissed. */
    AccessNotice(SnapshotStore store) {
        setId("accessNotice");
        getStyleClass().add("notice");
        Label text = new Label(TEXT);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissNotice");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> dismissed.set(true));
        visibleProperty().bind(dismissed.not().and(store.modeProperty().isEqualTo(SnapshotStore.Mode.LIVE)));
        managedProperty().bind(visibleProperty());
        getChildren().addAll(text, dismiss);
    }
}
