package io.herakles.procmem.ui.timeline;

import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.store.SnapshotStore;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * The timeline of an open recording: a slider over its samples (scrub), Play (one sample every
 * {@link #PLAY_STEP}, stopping at the end), the time and position of the sample shown, Mark (the
 * sample under the cursor becomes where Compare starts) and "Back to live". Hidden while no recording is open. The whole window follows the cursor, as every view
 * shows the store's current snapshot. FX thread only (a sample is decoded on a thread of its own, see
 * {@link #request}).
 */
public final class TimelineBar extends HBox {

    /** How long Play shows each sample. */
    static final Duration PLAY_STEP = Duration.millis(250);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final SnapshotStore store;
    private final Slider slider = new Slider(0, 0, 0);
    private final ToggleButton play = new ToggleButton("▶ Play");
    private final Label position = new Label();
    private final Timeline player = new Timeline(new KeyFrame(PLAY_STEP, e -> step()));

    private static final int NONE = -1;
    /** One thread for every timeline: decoding is memory-bound work, one at a time is enough. */
    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "timeline-decode");
        t.setDaemon(true);
        return t;
    });
    /** The sample asked for while another was being decoded; {@link #NONE} for none. FX thread. */
    private int wanted = NONE;
    private boolean decoding;

    public TimelineBar(SnapshotStore store) {
        this.store = store;
        setId("timelineBar");
        getStyleClass().add("timeline-bar");
        setSpacing(8);
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        slider.setId("timelineSlider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        play.setId("timelinePlay");
        position.setId("timelinePosition");
        Button back = new Button("Back to live");
        back.setId("timelineBackToLive");
        back.setOnAction(e -> store.backToLive());
        player.setCycleCount(Animation.INDEFINITE);
        play.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                if (store.timelineIndexProperty().get() >= lastIndex()) {
                    request(0);
                }
                player.play();
            } else {
                player.stop();
            }
        });
        Button mark = new Button("Mark");
        mark.setId("timelineMark");
        mark.setTooltip(new javafx.scene.control.Tooltip(
                "Compare (Ctrl+D) from the sample under the cursor instead of the first"));
        mark.setOnAction(e -> store.markCompareStart());
        store.compareMarkProperty().addListener((obs, old, m) -> follow(store.timelineIndexProperty().get()));
        getChildren().addAll(play, slider, position, mark, back);
        slider.valueProperty().addListener((obs, old, v) -> {
            int wanted = (int) Math.round(v.doubleValue());
            if (decoding || wanted != store.timelineIndexProperty().get()) {
                request(wanted); // while one is decoded, even the sample shown: the latest position wins
            }
        });
        store.timelineProperty().addListener((obs, old, samples) -> reset(samples));
        store.timelineIndexProperty().addListener((obs, old, i) -> follow(i.intValue()));
        reset(store.timelineProperty().get());
    }

    private void reset(List<Snapshot> samples) {
        play.setSelected(false);
        boolean shown = samples.size() > 1;
        setVisible(shown);
        setManaged(shown);
        slider.setMax(Math.max(0, samples.size() - 1));
        slider.setValue(0);
        follow(store.timelineIndexProperty().get());
    }

    private void follow(int index) {
        if (Math.round(slider.getValue()) != index) {
            slider.setValue(index);
        }
        List<Snapshot> samples = store.timelineProperty().get();
        int mark = store.compareMarkProperty().get();
        Snapshot shown = store.getCurrentSnapshot();
        position.setText(samples.isEmpty() || shown == null ? "" : TIME.format(shown.takenAt()) + "  ·  sample "
                + (index + 1) + " of " + samples.size() + (mark == 0 ? "" : "  ·  compare from " + (mark + 1)));
    }

    private int lastIndex() {
        return store.timelineProperty().get().size() - 1;
    }

    private void step() {
        int next = store.timelineIndexProperty().get() + 1;
        if (next > lastIndex()) {
            play.setSelected(false);
            return;
        }
        request(next);
    }

    /**
     * Shows sample {@code index} once it is decoded. A recording decodes a sample when it is first
     * asked for (a jump in a long one: a keyframe and the deltas after it, up to about 100 ms), so
     * that happens on the "timeline-decode" thread, and this thread then shows the decoded sample.
     * While one is decoded, a later request replaces any earlier one still waiting: dragging shows
     * the latest position, never a backlog.
     */
    private void request(int index) {
        wanted = index;
        if (!decoding) {
            decodeWanted();
        }
    }

    private void decodeWanted() {
        int index = wanted;
        wanted = NONE;
        decoding = true;
        List<Snapshot> samples = store.timelineProperty().get();
        int at = Math.max(0, Math.min(samples.size() - 1, index));
        DECODER.execute(() -> {
            Snapshot decoded = null;
            RuntimeException damaged = null;
            try {
                decoded = samples.get(at);
            } catch (RuntimeException e) {
                damaged = e;
            }
            Snapshot sample = decoded;
            RuntimeException problem = damaged;
            Platform.runLater(() -> {
                decoding = false;
                if (store.timelineProperty().get() == samples) {
                    if (problem == null) {
                        store.showDecodedSample(at, sample);
                    } else {
                        store.reportTimelineProblem(problem);
                        play.setSelected(false);
                        follow(store.timelineIndexProperty().get()); // back to the sample still shown
                    }
                }
                if (wanted != NONE) {
                    decodeWanted();
                }
            });
        });
    }

    /** Whether Play is on (tests). */
    public boolean isPlaying() {
        return play.isSelected();
    }
}
