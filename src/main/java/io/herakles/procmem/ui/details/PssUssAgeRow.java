package io.herakles.procmem.ui.details;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.common.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The "PSS/USS as of 6s ago" line under the memory figures: the engine reads a process's PSS/USS
 * again only when its memory changed or the last read reached an age bound, so they can be older
 * than the snapshot. Stateless.
 */
final class PssUssAgeRow {

    static final String LABEL = "PSS/USS as of";

    private PssUssAgeRow() {}

    /** {@code rows} plus the age line when PSS/USS are present and their read time is known. */
    static List<DetailRow> appendTo(List<DetailRow> rows, ProcessSample p, Instant now) {
        if (p.pssBytes().isEmpty() && p.ussBytes().isEmpty()) {
            return rows;
        }
        return p.pssUssAge(now).map(age -> {
            List<DetailRow> out = new ArrayList<>(rows);
            out.add(new DetailRow(LABEL, Formats.duration(age.isNegative() ? Duration.ZERO : age) + " ago"));
            return List.copyOf(out);
        }).orElse(rows);
    }
}
