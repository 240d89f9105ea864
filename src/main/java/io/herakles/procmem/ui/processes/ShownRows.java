package io.herakles.procmem.ui.processes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The table's items: the rows to show, in the table's order, replaced as a whole by
 * {@link ProcessTableViewModel} after each reconcile — with the fewest list changes that keep the
 * table's selection and scroll position: none when nothing moved, one permutation when only the
 * order changed; otherwise one removal change for the rows that left, one addition at the end for
 * the rows that came, then one permutation into the final order.
 *
 * <p>Why not {@code FilteredList} + {@code SortedList}: those re-filter and re-sort inside the
 * list machinery (a wrapper object per element and comparison, an index update pass); here the
 * view-model sorts a plain list that is nearly in order already, and this list only reports the
 * result. FX thread only; read-only for everyone else.
 */
final class ShownRows extends ObservableListBase<ProcessRow> {

    private List<ProcessRow> items = List.of();

    @Override
    public ProcessRow get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** Makes this list hold {@code next} (distinct rows), in that order. */
    void show(List<ProcessRow> next) {
        if (sameRowsInSameOrder(next)) {
            return;
        }
        Map<ProcessRow, Integer> nextIndex = new IdentityHashMap<>(next.size() * 2);
        for (int i = 0; i < next.size(); i++) {
            nextIndex.put(next.get(i), i);
        }
        removeRowsNotIn(nextIndex);
        appendRowsMissingFrom(next);
        permuteInto(next, nextIndex);
    }

    private boolean sameRowsInSameOrder(List<ProcessRow> next) {
        if (next.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i) != items.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void removeRowsNotIn(Map<ProcessRow, Integer> nextIndex) {
        List<ProcessRow> kept = new ArrayList<>(items.size());
        List<Integer> removedAt = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (nextIndex.containsKey(items.get(i))) {
                kept.add(items.get(i));
            } else {
                removedAt.add(i);
            }
        }
        if (removedAt.isEmpty()) {
            return;
        }
        List<ProcessRow> before = items;
        items = kept;
        beginChange();
        int removedSoFar = 0;
        for (int index : removedAt) {
            // indices as the list stands after the removals reported before this one
            nextRemove(index - removedSoFar, before.get(index));
            removedSoFar++;
        }
        endChange();
    }

    private void appendRowsMissingFrom(List<ProcessRow> next) {
        Set<ProcessRow> present = Collections.newSetFromMap(new IdentityHashMap<>(items.size() * 2));
        present.addAll(items);
        List<ProcessRow> grown = new ArrayList<>(next.size());
        grown.addAll(items);
        for (ProcessRow row : next) {
            if (!present.contains(row)) {
                grown.add(row);
            }
        }
        if (grown.size() == items.size()) {
            return;
        }
        int from = items.size();
        items = grown;
        beginChange();
        nextAdd(from, grown.size());
        endChange();
    }

    private void permuteInto(List<ProcessRow> next, Map<ProcessRow, Integer> nextIndex) {
        int[] permutation = new int[items.size()];
        boolean moved = false;
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = Objects.requireNonNull(nextIndex.get(items.get(i)), "row");
            moved |= permutation[i] != i;
        }
        items = List.copyOf(next);
        if (!moved) {
            return;
        }
        beginChange();
        nextPermutation(0, permutation.length, permutation);
        endChange();
    }
}
