package io.herakles.procmem.ui.processes;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the user narrowed the table to: a free text and a set of groups. Immutable.
 *
 * <p>The text matches, case-insensitively as a substring, the name, the command line, the user,
 * {@code group/subgroup} (so {@code db/post} and {@code postgres} both work) and the pid's digits.
 * An empty group set means every group. A row that matched only in its command line (a column
 * usually scrolled out of view) carries {@link #hintFor a hint} saying so.
 *
 * @param text   free text, blank = everything
 * @param groups group names to keep, empty = every group
 */
public record ProcessFilter(String text, Set<String> groups) implements Predicate<ProcessRow> {

    /** Lets everything through. */
    public static final ProcessFilter NONE = new ProcessFilter("", Set.of());

    public ProcessFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        groups = Set.copyOf(groups);
    }

    /** True when this filter lets every row through. */
    public boolean isEmpty() {
        return text.isEmpty() && groups.isEmpty();
    }

    /** The note a row this filter lets through shows beside its name. */
    public static final String IN_COMMAND_LINE = "in command line";

    /**
     * Where the text matched {@code row}, when that is not a visible column: {@link #IN_COMMAND_LINE}
     * when the first match is in the command line, else "" (no text, no match, or a match in the
     * name, user, group or pid, which the row shows). One substring search, like {@link #test}.
     */
    public String hintFor(ProcessRow row) {
        if (text.isEmpty()) {
            return "";
        }
        int at = row.searchText().indexOf(text);
        return at > row.nameEnd() && at < row.cmdlineEnd() ? IN_COMMAND_LINE : "";
    }

    @Override
    public boolean test(ProcessRow row) {
        if (!groups.isEmpty() && !groups.contains(row.groupProperty().get())) {
            return false;
        }
        return text.isEmpty() || row.searchText().contains(text);
    }
}
