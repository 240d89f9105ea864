package io.herakles.procmem.ui.details;

import java.util.Objects;

/**
 * One "label: value" line of the details pane. Immutable.
 *
 * @param label what the value is ("PSS", "Started")
 * @param value the text to show; "—" when unknown
 * @param help  one sentence explaining the figure (the label's tooltip); empty for none
 */
public record DetailRow(String label, String value, String help) {
    public DetailRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(help, "help");
    }

    /** A row without an explanation. */
    public DetailRow(String label, String value) {
        this(label, value, "");
    }
}
