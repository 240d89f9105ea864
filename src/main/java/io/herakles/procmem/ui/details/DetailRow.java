package io.herakles.procmem.ui.details;

import java.util.Objects;

/**
 * One "label: value" line of the details pane. Immutable.
 *
 * @param label what the value is ("PSS", "Started")
 * @param value the text to show; "—" when unknown
 */
public record DetailRow(String label, String value) {
    public DetailRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
