package io.herakles.procmem.ui.store;

import io.herakles.procmem.model.MemoryMetric;
import io.herakles.procmem.model.Snapshot;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import io.herakles.procmem.model.ProcessSample;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI's single source of truth: which snapshot the window shows, whether it is live or a file,
 * whether live updates are paused, the selected process and the chosen memory metric.
 *
 * <p>Threads: FX thread only — every property and every method. Live snapshots reach it already on
 * the FX thread: the window's {@code BackgroundPreparer} prepares them on its own thread and makes
 * one coalescing hop (latest wins) before calling {@link #acceptLive(Snapshot)}. Views bind to the
 * read-only properties; commands are the methods.
 *
 * <p>Memory: holds two snapshots (the shown one and the latest live one), plus a recording's
 * samples while one is open ({@link #showRecording}); "Back to live" lets them go.
 */
public final class SnapshotStore {

    /** Where the shown snapshot comes from. */
    public enum Mode {
        /** The live engine; updates arrive every tick unless paused. */
        LIVE,
        /** A snapshot file; live updates are kept aside until "Back to live". */
        FILE
    }

    /** {@link #selectedPidProperty()} value when no process is selected. */
    public static final int NO_SELECTION = -1;

    private final ReadOnlyObjectWrapper<Snapshot> current = new ReadOnlyObjectWrapper<>(this, "currentSnapshot");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.LIVE);
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final IntegerProperty selectedPid = new SimpleIntegerProperty(this, "selectedPid", NO_SELECTION);
    private final ObjectProperty<Predicate<ProcessSample>> filter = new SimpleObjectProperty<>(this, "filter");
    private final ObjectProperty<MemoryMetric> metric = new SimpleObjectProperty<>(this, "metric", MemoryMetric.USS);

    private final ReadOnlyObjectWrapper<List<Snapshot>> timeline =
            new ReadOnlyObjectWrapper<>(this, "timeline", List.of());
    private final ReadOnlyIntegerWrapper timelineIndex = new ReadOnlyIntegerWrapper(this, "timelineIndex", 0);
    /** The timeline sample Compare starts from: the first unless one was marked. */
    private final ReadOnlyIntegerWrapper compareMark = new ReadOnlyIntegerWrapper(this, "compareMark", 0);

    private Consumer<String> timelineProblem = problem -> { };

    /** Latest live snapshot received, shown or not (paused / file mode). FX thread only. */
    private Snapshot latestLive;

    // ---- Commands ----

    /** Shows {@code snapshot} read from the file {@code name} until {@link #backToLive()}. FX thread. */
    public void showFile(Snapshot snapshot, String name) {
        Objects.requireNonNull(snapshot, "snapshot");
        timeline.set(List.of());
        timelineIndex.set(0);
        compareMark.set(0);
        fileName.set(Objects.requireNonNull(name, "name"));
        mode.set(Mode.FILE);
        current.set(snapshot);
    }

    /**
     * Shows the recording {@code name} (samples oldest first, at least one) with its first sample
     * under the timeline's cursor, until {@link #backToLive()}. FX thread. The list is kept, not copied:
     * a recording's samples are decoded when the cursor reaches them.
     */
    public void showRecording(List<Snapshot> samples, String name) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a recording has at least one sample");
        }
        showFile(samples.get(0), name);
        timeline.set(Collections.unmodifiableList(samples));
    }

    /**
     * Moves the timeline's cursor to sample {@code index} (clamped) and shows it. FX thread. A sample
     * that cannot be read (a recording is decoded as the cursor reaches it, so damage shows here)
     * leaves the cursor where it was and goes to {@link #setOnTimelineProblem}.
     *
     * @return whether the sample is shown
     */
    public boolean showSample(int index) {
        List<Snapshot> samples = timeline.get();
        if (samples.isEmpty()) {
            return false;
        }
        int at = Math.max(0, Math.min(samples.size() - 1, index));
        Snapshot sample;
        try {
            sample = samples.get(at);
        } catch (RuntimeException e) {
            reportTimelineProblem(e);
            return false;
        }
        showDecodedSample(at, sample);
        return true;
    }

    /**
     * Moves the timeline's cursor to sample {@code index}, which the caller has already taken from
     * {@link #timelineProperty()} (decoded off the FX thread), and shows it. FX thread.
     */
    public void showDecodedSample(int index, Snapshot sample) {
        Objects.checkIndex(index, timeline.get().size());
        current.set(Objects.requireNonNull(sample, "sample")); // first: the timeline's label reads its time
        timelineIndex.set(index);
    }

    /** Passes on that a timeline sample could not be read (decoding it threw {@code e}). FX thread. */
    public void reportTimelineProblem(RuntimeException e) {
        timelineProblem.accept(String.valueOf(e.getMessage()));
    }

    /** Who hears, in one line, that a timeline sample could not be read (the window shows a dialog). */
    public void setOnTimelineProblem(Consumer<String> onProblem) {
        timelineProblem = Objects.requireNonNull(onProblem, "onProblem");
    }

    /** Marks the sample under the timeline's cursor as where Compare starts. FX thread. */
    public void markCompareStart() {
        if (!timeline.get().isEmpty()) {
            compareMark.set(timelineIndex.get());
        }
    }

    /** The timeline sample Compare starts from (0, the first, unless {@link #markCompareStart} moved it). */
    public ReadOnlyIntegerProperty compareMarkProperty() {
        return compareMark.getReadOnlyProperty();
    }

    /** Leaves file mode and shows the latest live snapshot (if one arrived). FX thread. */
    public void backToLive() {
        if (mode.get() == Mode.LIVE) {
            return;
        }
        mode.set(Mode.LIVE);
        fileName.set("");
        timeline.set(List.of());
        timelineIndex.set(0);
        compareMark.set(0);
        current.set(latestLive);
    }

    /** Freezes (or thaws) the live view; a thaw shows the latest live snapshot at once. FX thread. */
    public void setPaused(boolean pause) {
        paused.set(pause);
        if (!pause && mode.get() == Mode.LIVE && latestLive != null) {
            current.set(latestLive);
        }
    }

    /**
     * Takes a live snapshot that already made its hop to the FX thread (after preparation off it);
     * shown at once unless paused or in file mode, else kept as the latest for resume and "Back to
     * live". FX thread.
     */
    public void acceptLive(Snapshot snapshot) {
        latestLive = Objects.requireNonNull(snapshot, "snapshot");
        if (mode.get() == Mode.LIVE && !paused.get()) {
            current.set(snapshot);
        }
    }

    // ---- Properties ----

    /** The snapshot the whole window shows; null until the first one arrives. */
    public ReadOnlyObjectProperty<Snapshot> currentSnapshotProperty() {
        return current.getReadOnlyProperty();
    }

    public Snapshot getCurrentSnapshot() {
        return current.get();
    }

    /** Live or file. */
    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public Mode getMode() {
        return mode.get();
    }

    /** File name (no directory) shown in file mode; empty in live mode. */
    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    /** The open recording's samples, oldest first; empty unless a recording is shown. */
    public ReadOnlyObjectProperty<List<Snapshot>> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** Index in {@link #timelineProperty()} of the sample shown. */
    public ReadOnlyIntegerProperty timelineIndexProperty() {
        return timelineIndex.getReadOnlyProperty();
    }

    /** Whether live updates are held back. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public boolean isPaused() {
        return paused.get();
    }

    /** The selected process's pid, {@link #NO_SELECTION} for none. Written by the table and the treemap. */
    public IntegerProperty selectedPidProperty() {
        return selectedPid;
    }

    /** The memory figure the treemap, tiles and rankings use. */
    /**
     * The processes the user's filter (text and groups) keeps, for every view; null while nothing
     * is filtered. Set by the process table's filter bar.
     */
    public ObjectProperty<Predicate<ProcessSample>> filterProperty() {
        return filter;
    }

    public ObjectProperty<MemoryMetric> metricProperty() {
        return metric;
    }
}
