package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import javafx.scene.layout.VBox;

/**
 * Details of the selected process: history sparkline, memory breakdown, identity, classification.
 * FX thread only. (API placeholder.)
 */
public class DetailsView extends VBox {

    /** Shows {@code sampleOrNull} (null: "no process selected") with its history from {@code history}. */
    public void show(ProcessSample sampleOrNull, ProcessHistory history) {
        // content follows
    }
}
