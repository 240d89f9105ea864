package io.herakles.procmem.ui.details;

import io.herakles.procmem.ui.common.FigureHelp;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.model.MemoryBreakdown;
import io.herakles.procmem.model.ProcessSample;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the details pane shows for one process, as read-only properties: title, identity and
 * classification rows, memory rows, breakdown rows, and the history points. Unknown values read
 * "—". Uses JavaFX properties but no toolkit, so it is tested without a window. FX thread only.
 */
public final class DetailsViewModel {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", NOTHING_SELECTED);
    private final ReadOnlyObjectWrapper<List<DetailRow>> identity = new ReadOnlyObjectWrapper<>(this, "identity", List.of());
    private final ReadOnlyObjectWrapper<List<DetailRow>> memory = new ReadOnlyObjectWrapper<>(this, "memory", List.of());
    private final ReadOnlyObjectWrapper<List<DetailRow>> breakdown =
            new ReadOnlyObjectWrapper<>(this, "breakdown", List.of());
    private final ReadOnlyObjectWrapper<List<HistoryPoint>> history =
            new ReadOnlyObjectWrapper<>(this, "history", List.of());
    private final ReadOnlyObjectWrapper<MemoryBreakdown> parts =
            new ReadOnlyObjectWrapper<>(this, "parts", MemoryBreakdown.UNKNOWN);
    private final ReadOnlyStringWrapper historyNote = new ReadOnlyStringWrapper(this, "historyNote", PICK_ONE);
    private final ZoneId zone;
    /** Whether the shown snapshot came from a file (one moment, no history). */
    private boolean fromFile;
    /** Where the snapshot was collected: what a missing PSS/USS is explained by. */
    private PssUssReason.Source pssUssSource = PssUssReason.Source.THIS_MACHINE_ALL;
    private final String viewer = System.getProperty("user.name", "");

    static final String NOTHING_SELECTED = "No process selected";
    /** What the empty pane is for, in one line. */
    static final String PICK_ONE = "Pick a process in the table or the treemap to see its memory and CPU history here";
    static final String NO_HISTORY_IN_FILE = "No history in a snapshot file: the figures are from when it was taken";
    static final String COLLECTING = "Collecting history\u2026 (a point per refresh)";

    public DetailsViewModel() {
        this(ZoneId.systemDefault());
    }

    /** @param zone time zone for the start time */
    public DetailsViewModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Whether what is shown comes from a snapshot file. A file holds one moment, so the history
     * says so instead of waiting for points that will never come. Takes effect on the next {@link #show}.
     */
    public void setFromFile(boolean file) {
        fromFile = file;
    }

    /**
     * Where the shown snapshots were collected, so a process without PSS/USS gets the likely reason
     * ({@link PssUssReason}). Takes effect on the next {@link #show}.
     */
    public void setPssUssSource(PssUssReason.Source source) {
        pssUssSource = Objects.requireNonNull(source, "source");
    }

    /** Shows {@code sample} (null: nothing selected) with its points from {@code historyOrNull}. */
    public void show(ProcessSample sample, ProcessHistory historyOrNull) {
        if (sample == null) {
            title.set(NOTHING_SELECTED);
            historyNote.set(PICK_ONE);
            identity.set(List.of());
            memory.set(List.of());
            breakdown.set(List.of());
            history.set(List.of());
            parts.set(MemoryBreakdown.UNKNOWN);
            return;
        }
        List<HistoryPoint> points = historyOrNull == null ? List.of() : historyOrNull.history(sample.pid());
        Instant now = points.isEmpty() ? Instant.now() : points.get(points.size() - 1).time();
        title.set(sample.name() + " (pid " + sample.pid() + ")");
        identity.set(identityRows(sample, now, zone));
        List<DetailRow> figures = PssUssAgeRow.appendTo(memoryRows(sample), sample, now);
        memory.set(PssUssReason.of(sample, pssUssSource, viewer).map(reason -> {
            List<DetailRow> out = new ArrayList<>(figures);
            out.add(new DetailRow(PssUssReason.LABEL, reason, PssUssReason.HELP));
            return List.copyOf(out);
        }).orElse(figures));
        breakdown.set(breakdownRows(sample.memory()));
        parts.set(sample.memory());
        historyNote.set(historyNote(points.size(), fromFile));
        history.set(points);
    }

    /** Why there is no chart of {@code points} points: "" when there are enough to draw. */
    static String historyNote(int points, boolean fromFile) {
        if (points >= 2) {
            return "";
        }
        return fromFile ? NO_HISTORY_IN_FILE : COLLECTING;
    }

    /** Who and what the process is, and which rule classified it. */
    static List<DetailRow> identityRows(ProcessSample p, Instant now, ZoneId zone) {
        List<DetailRow> rows = new ArrayList<>();
        rows.add(new DetailRow("PID", Integer.toString(p.pid())));
        rows.add(new DetailRow("Parent PID", p.ppid() > 0 ? Integer.toString(p.ppid()) : Formats.ABSENT));
        rows.add(new DetailRow("User", user(p)));
        rows.add(new DetailRow("State", p.state() == '?' ? Formats.ABSENT : String.valueOf(p.state())));
        rows.add(new DetailRow("Threads", p.threads() > 0 ? Integer.toString(p.threads()) : Formats.ABSENT));
        rows.add(new DetailRow("Started", started(p.startTime(), now, zone)));
        rows.add(new DetailRow("Command line", Formats.text(p.cmdline())));
        rows.add(new DetailRow("Group", p.group().toString()));
        rows.add(new DetailRow("Matched rule", p.matchedRule().isBlank()
                ? (p.group().isOther() ? "none (unclassified)" : Formats.ABSENT) : p.matchedRule()));
        return List.copyOf(rows);
    }

    /** The CPU row's label, with the base of the percentage. */
    static final String CPU_LABEL = "CPU (" + FigureHelp.CPU_BASE + ")";

    /** The headline figures: RSS, PSS, USS, CPU, CPU time (swap is in the breakdown); the same formats as the table. */
    static List<DetailRow> memoryRows(ProcessSample p) {
        return List.of(
                new DetailRow("RSS", Formats.bytes(p.rssBytes()), FigureHelp.RSS),
                new DetailRow("PSS", Formats.bytes(p.pssBytes()), FigureHelp.PSS),
                new DetailRow("USS", Formats.bytes(p.ussBytes()), FigureHelp.USS),
                new DetailRow(CPU_LABEL, Formats.percent(p.cpuPercent()), FigureHelp.CPU_PERCENT),
                new DetailRow("CPU time", Formats.cpuTime(p.cpuTimeSeconds()), FigureHelp.CPU_TIME));
    }

    /** Where the memory lives: resident anon/file/shmem, swap, and the PSS split when readable. */
    static List<DetailRow> breakdownRows(MemoryBreakdown m) {
        return List.of(
                new DetailRow("Anonymous (RSS)", Formats.bytes(m.rssAnon())),
                new DetailRow("File-backed (RSS)", Formats.bytes(m.rssFile())),
                new DetailRow("Shared memory (RSS)", Formats.bytes(m.rssShmem())),
                new DetailRow("Swap", Formats.bytes(m.swap()), FigureHelp.SWAP),
                new DetailRow("Anonymous (PSS)", Formats.bytes(m.pssAnon())),
                new DetailRow("File-backed (PSS)", Formats.bytes(m.pssFile())),
                new DetailRow("Shared memory (PSS)", Formats.bytes(m.pssShmem())),
                new DetailRow("Swap (PSS)", Formats.bytes(m.swapPss())));
    }

    private static String user(ProcessSample p) {
        if (p.user().isBlank()) {
            return p.uid() >= 0 ? "uid " + p.uid() : Formats.ABSENT;
        }
        return p.uid() >= 0 && !p.user().equals(Integer.toString(p.uid())) ? p.user() + " (" + p.uid() + ")" : p.user();
    }

    private static String started(Instant start, Instant now, ZoneId zone) {
        if (start == null) {
            return Formats.ABSENT;
        }
        String age = Formats.duration(Duration.between(start, now));
        return Formats.instant(start, zone) + (age.equals(Formats.ABSENT) ? "" : " (" + age + " ago)");
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DetailRow>> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DetailRow>> memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DetailRow>> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<HistoryPoint>> historyProperty() {
        return history.getReadOnlyProperty();
    }

    /**
     * Why the history has no chart ("Collecting history…", "No history in a snapshot file…", "No
     * process selected"); empty when it has one. Set before {@link #historyProperty()} changes.
     */
    public ReadOnlyStringProperty historyNoteProperty() {
        return historyNote.getReadOnlyProperty();
    }

    /** The raw breakdown of the shown process (for the stacked bar). */
    public ReadOnlyObjectProperty<MemoryBreakdown> partsProperty() {
        return parts.getReadOnlyProperty();
    }
}
