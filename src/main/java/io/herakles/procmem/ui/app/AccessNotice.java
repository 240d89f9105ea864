package io.herakles.procmem.ui.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The dismissible banner shown when the app cannot read other users' {@code smaps_rollup}: why
 * PSS/USS show "—" there, and how to grant more. Hides itself (and takes no space) once dismissed.
 */
final class AccessNotice extends HBox {

    static final String TEXT = "Not running as root: PSS and USS are shown only for your own processes "
            + "(others show \"—\"; RSS and CPU are complete). To see every process, run as root or grant "
            + "the capability: sudo setcap cap_sys_ptrace+ep <path to the app's java launcher>.";

    AccessNotice() {
        setId("accessNotice");
        getStyleClass().add("notice");
        Label text = new Label(TEXT);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissNotice");
        dismiss.setOnAction(e -> setVisible(false));
        managedProperty().bind(visibleProperty());
        getChildren().addAll(text, dismiss);
    }
}
