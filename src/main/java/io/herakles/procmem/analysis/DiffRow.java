package io.herakles.procmem.analysis;

import io.herakles.procmem.model.GroupKey;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of a diff. Immutable. Sizes in bytes of the chosen metric; absent where the process
 * was not there or the metric was unreadable.
 *
 * @param label     process name, or {@code group/subgroup}, or the group
 * @param group     the row's classification (for a group row, subgroup is empty)
 * @param pidBefore pid in BEFORE, absent for a new row or a group row
 * @param pidAfter  pid in AFTER, absent for a gone row or a group row
 * @param before    value in BEFORE
 * @param after     value in AFTER
 * @param matchedBy how before and after were paired
 */
public record DiffRow(String label, GroupKey group, OptionalInt pidBefore, OptionalInt pidAfter,
        OptionalLong before, OptionalLong after, MatchKind matchedBy) {

    /** What happened to the row. */
    public enum Status { GREW, SHRANK, SAME, NEW, GONE, UNKNOWN }

    public DiffRow {
        Objects.requireNonNull(label);
        Objects.requireNonNull(group);
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }

    public Status status() {
        if (matchedBy == MatchKind.NONE) {
            return pidAfter.isPresent() || (after.isPresent() && before.isEmpty()) ? Status.NEW : Status.GONE;
        }
        if (before.isEmpty() || after.isEmpty()) {
            return Status.UNKNOWN;
        }
        long d = after.getAsLong() - before.getAsLong();
        return d > 0 ? Status.GREW : d < 0 ? Status.SHRANK : Status.SAME;
    }

    /** After − before; a new row counts from 0, a gone row to 0; absent when a side is unreadable. */
    public OptionalLong delta() {
        return switch (status()) {
            case NEW -> after;
            case GONE -> before.isPresent() ? OptionalLong.of(-before.getAsLong()) : OptionalLong.empty();
            case UNKNOWN -> OptionalLong.empty();
            default -> OptionalLong.of(after.getAsLong() - before.getAsLong());
        };
    }
}
