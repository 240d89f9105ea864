package io.herakles.procmem.ui.processes;

import io.herakles.procmem.model.ProcessSample;
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
public record ProcessFilter(String text, Set<String> groups) implements Predicate<ProcessEntry> {

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
     * Where the text matched {@code process}, when that is not a visible column: {@link #IN_COMMAND_LINE}
     * when the first match is in the command line, else "" (no text, no match, or a match in the
     * name, user, group or pid, which the row shows). One substring search, like {@link #test}.
     */
    public String hintFor(ProcessEntry process) {
        if (text.isEmpty()) {
            return "";
        }
        int at = process.searchText().indexOf(text);
        return at > process.nameEnd() && at < process.cmdlineEnd() ? IN_COMMAND_LINE : "";
    }

    /** Whether {@code sample} passes, by the same rules as a table row (for the treemap and the CPU chart). */
    public boolean matches(ProcessSample sample) {
        if (!groups.isEmpty() && !groups.contains(sample.group().group())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String searchText = String.join("\n", sample.name(), sample.cmdline(), sample.user(),
                sample.group().toString(), Integer.toString(sample.pid())).toLowerCase(Locale.ROOT);
        return searchText.contains(text);
    }

    /** What the filter chip says: {@code "python" in db, web} ... */
    public String describe() {
        String what = text.isEmpty() ? "" : "\u201c" + text + "\u201d";
        String where = groups.isEmpty() ? "" : String.join(", ", new java.util.TreeSet<>(groups));
        if (what.isEmpty()) {
            return where;
        }
        return where.isEmpty() ? what : what + " in " + where;
    }

    @Override
    public boolean test(ProcessEntry process) {
        if (!groups.isEmpty() && !groups.contains(process.group())) {
            return false;
        }
        return text.isEmpty() || process.searchText().contains(text);
    }
}
