package io.herakles.procmem.ui.app;

import static io.herakles.procmem.ui.common.TestSnapshots.process;
import static io.herakles.procmem.ui.common.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.export.recording.RecordingHeader;
import io.herakles.procmem.export.recording.RecordingWriter;
import io.herakles.procmem.model.Snapshot;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.analysis.DiffRow;
import io.herakles.procmem.ui.compare.DiffTableView;
import io.herakles.procmem.ui.leaks.LeakSuspectsView;
import io.herakles.procmem.ui.processes.ProcessRow;
import io.herakles.procmem.ui.timeline.TimelineBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import io.herakles.procmem.ui.store.SnapshotStore;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A recording opened in the window: the timeline scrubs and plays through it; Back to live leaves it. */
@ExtendWith(ApplicationExtension.class)
class MainWindowRecordingTest {

    @TempDir
    Path dir;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services.readsRealFiles = true;
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    /** Sample i holds pids 7000+i and 8000 (whose USS grows by {@code growthMib} a sample). */
    private Path recording(int samples) throws Exception {
        return recording(samples, 0);
    }

    private Path recording(int samples, int growthMib) throws Exception {
        Path file = dir.resolve("night.jsonl.gz");
        try (RecordingWriter w = RecordingWriter.create(file,
                RecordingHeader.now(Instant.parse("2026-11-25T10:00:00Z"), Duration.ofSeconds(1), "/proc"), false)) {
            for (int i = 0; i < samples; i++) {
                w.append(snapshot(i, List.of(process(7000 + i, "batch" + i, "batch", "jobs", 300, 200, 100 + i),
                        process(8000, "db", "db", "pg", 500, 400, 300 + (long) growthMib * i))));
            }
        }
        return file;
    }

    /** Moves the timeline's slider to {@code index} and waits until the window shows that sample (decoded off the FX thread). */
    private void moveTimeline(FxRobot robot, int index) throws Exception {
        robot.interact(() -> robot.lookup("#timelineSlider").queryAs(Slider.class).setValue(index));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.store().timelineIndexProperty().get() == index);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Integer> shownPids(FxRobot robot) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#processTable")
                .<ProcessRow>queryTableView().getItems().stream().map(ProcessRow::pid).sorted().toList()));
    }

    @Test
    void aLargeFileShowsItsFirstSampleWhileTheRestIsReadInTheBackground(FxRobot robot) throws Exception {
        Path file = recording(5, 10);
        robot.interact(() -> window.fileActions().readInBackgroundFrom(0)); // every file counts as large
        services.holdAfterFirst = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> assertThat(window.openSnapshot(file)).isTrue());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownPids(robot).equals(List.of(7000, 8000)));
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.store().timelineProperty().get()).get())
                .as("no timeline until the whole file is read").isEmpty();
        assertThat(stage.getTitle()).contains("night.jsonl.gz");

        services.holdAfterFirst.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.store().timelineProperty().get().size()).get() == 5);
        assertThat(robot.lookup("#timelineBar").query().isVisible()).isTrue();
        assertThat(shownPids(robot)).as("still the first sample").containsExactly(7000, 8000);

        // back to live before the read ends: the finished read does not pull the window back
        robot.clickOn("#timelineBackToLive");
        services.holdAfterFirst = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> window.openSnapshot(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> window.store().getMode()).get() == io.herakles.procmem.ui.store.SnapshotStore.Mode.FILE);
        robot.interact(() -> window.store().backToLive());
        services.holdAfterFirst.countDown();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.store().getMode()).get())
                .isEqualTo(io.herakles.procmem.ui.store.SnapshotStore.Mode.LIVE);
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.store().timelineProperty().get()).get()).isEmpty();
    }

    @Test
    void aRecordingTooLargeForTheHeapSaysSoAndKeepsItsFirstSampleShown(FxRobot robot) throws Exception {
        Path file = recording(5, 10);
        robot.interact(() -> window.fileActions().readInBackgroundFrom(0));
        services.failAfterFirst = new OutOfMemoryError("Java heap space");
        robot.interact(() -> window.openSnapshot(file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        assertThat(dialogs.errors).singleElement().asString().contains("night.jsonl.gz",
                "too large for this app's memory", "MiB heap", "-Xmx");
        assertThat(shownPids(robot)).containsExactly(7000, 8000);
    }

    @Test
    void openScrubPlayAndBackToLive(FxRobot robot) throws Exception {
        services.live.publish(TestSnapshots.small(1));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() != null);
        TimelineBar bar = robot.lookup("#timelineBar").queryAs(TimelineBar.class);
        assertThat(bar.isVisible()).as("no timeline while live").isFalse();
        dialogs.openChoice = recording(5);

        robot.clickOn("File").clickOn("#openItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.errors).isEmpty();
        assertThat(stage.getTitle()).isEqualTo("Herakles — recording night.jsonl.gz");
        assertThat(bar.isVisible()).isTrue();
        assertThat(shownPids(robot)).containsExactly(7000, 8000);
        assertThat(robot.lookup("#timelinePosition").queryLabeled().getText()).endsWith("sample 1 of 5");
        assertThat(robot.lookup("#statusBar").queryAs(org.controlsfx.control.StatusBar.class).getText())
                .startsWith("Recording night.jsonl.gz, sample collected ");

        Slider slider = robot.lookup("#timelineSlider").queryAs(Slider.class);
        moveTimeline(robot, 3);
        assertThat(shownPids(robot)).containsExactly(7003, 8000);
        assertThat(robot.lookup("#timelinePosition").queryLabeled().getText()).endsWith("sample 4 of 5");

        robot.clickOn("#timelinePlay");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bar.isPlaying());
        assertThat(shownPids(robot)).as("play stops at the last sample").containsExactly(7004, 8000);
        assertThat(slider.getValue()).isEqualTo(4);

        robot.clickOn("#timelineBackToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).isFalse();
        assertThat(stage.getTitle()).doesNotContain("recording");
        assertThat(shownPids(robot)).containsExactly(101, 102, 203, 304, 405);
    }

    @Test
    void theLeakSuspectsTabRanksTheGrowingProcess(FxRobot robot) throws Exception {
        LeakSuspectsView leaks = robot.lookup("#leakSuspects").queryAs(LeakSuspectsView.class);
        Path file = recording(12, 10);
        robot.interact(() -> window.openSnapshot(file));
        robot.clickOn("Leak suspects");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !leaks.shown().isEmpty());
        assertThat(leaks.shown()).singleElement().satisfies(s -> {
            assertThat(s.pid()).hasValue(8000);
            // 10 MiB a second (TestSnapshots' samples are a second apart) = 36000 MiB/h
            assertThat(s.mibPerHour()).isBetween(35_000.0, 37_000.0);
        });
        robot.interact(() -> robot.lookup("#leakTable").queryTableView().getSelectionModel().select(0));
        assertThat(window.store().selectedPidProperty().get()).isEqualTo(8000);
        robot.clickOn("#timelineBackToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(leaks.shown()).isEmpty();
    }

    @Test
    void liveTheLeakSuspectsTabWatchesThisRunByProcessAndBySubgroup(FxRobot robot) throws Exception {
        LeakSuspectsView leaks = robot.lookup("#leakSuspects").queryAs(LeakSuspectsView.class);
        robot.clickOn("Leak suspects");
        for (int step = 0; step < 10; step++) {
            long seq = step * LeakSuspectsView.LIVE_STEP.toSeconds(); // TestSnapshots: a second per sequence
            Snapshot s = snapshot(seq, List.of(process(9000, "grower", "app", "cache", 900, 800, 100 + 20 * step),
                    process(9001, "steady", "db", "postgres", 500, 400, 50)));
            services.live.publish(s);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == s);
            if (step == 2) {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#leakTable .placeholder .label")
                        .queryLabeled().getText().startsWith("Watching live USS"));
            }
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !leaks.shown().isEmpty());
        assertThat(leaks.shown()).singleElement().satisfies(s -> {
            assertThat(s.pid()).hasValue(9000);
            // 20 MiB every 30 s = 2400 MiB/h
            assertThat(s.mibPerHour()).isBetween(2300.0, 2500.0);
        });
        javafx.scene.control.ChoiceBox<LeakSuspectsView.Level> level = robot.lookup("#leakLevel").query();
        robot.interact(() -> level.setValue(LeakSuspectsView.Level.SUBGROUPS));
        assertThat(leaks.shown()).singleElement().satisfies(s -> assertThat(s.label()).isEqualTo("app/cache"));

        // snapshots from elsewhere (another machine) start the watch again instead of joining its series
        Snapshot elsewhere = snapshot(400, "http://db1:9215/", List.of(process(9000, "grower", "app", "cache", 900, 800, 50)));
        services.live.publish(elsewhere);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.store().getCurrentSnapshot() == elsewhere);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> leaks.shown().isEmpty() && robot.lookup("#leakTable .placeholder .label")
                .queryLabeled().getText().contains(": 1 of the 6 samples"));
    }

    @Test
    void fileRecordWritesLiveSnapshotsUntilStop(FxRobot robot) throws Exception {
        Path file = dir.resolve("desk.jsonl.gz");
        dialogs.exportChoice = file;
        robot.clickOn("File").clickOn("#recordItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).isEmpty();
        assertThat(robot.lookup("#recordingIndicator").query().isVisible()).isTrue();
        for (int tick = 1; tick <= 3; tick++) {
            services.live.publish(TestSnapshots.small(tick));
            Thread.sleep(200); // the recorder holds two waiting samples at most
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#recordingText").queryLabeled().getText()
                .endsWith("3 samples"));
        assertThat(robot.lookup("#recordingText").queryLabeled().getText()).startsWith("● Recording desk.jsonl.gz — ");
        robot.clickOn("#stopRecording");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recordingIndicator").query().isVisible()).isFalse();
        var recording = io.herakles.procmem.export.recording.RecordingReader.read(file);
        assertThat(recording.samples()).hasSize(3);
        assertThat(recording.cutShort()).isEmpty();
    }

    @Test
    void compareShowsTheRecordingsStartAgainstTheSampleUnderTheCursor(FxRobot robot) throws Exception {
        Path file = recording(4, 10);
        robot.interact(() -> window.openSnapshot(file));
        moveTimeline(robot, 2);
        robot.clickOn("File").clickOn("#compareItem");
        WaitForAsyncUtils.waitForFxEvents();
        DiffTableView diff = robot.lookup("#diffView").queryAs(DiffTableView.class);
        // a new process counts from 0: batch2 (+102 MiB) outgrows db (+20 MiB)
        assertThat(diff.rows()).extracting(DiffRow::label).containsExactly("batch2", "db", "batch0");
        assertThat(diff.rows().get(1).delta()).hasValue(20 * TestSnapshots.MIB);
        assertThat(diff.rows().get(0).status()).isEqualTo(DiffRow.Status.NEW);
        assertThat(diff.rows().get(2).status()).isEqualTo(DiffRow.Status.GONE);
        assertThat(robot.lookup("#diffTotals").queryLabeled().getText()).contains("start of night.jsonl.gz", "sample 3",
                "1 new, 1 gone");

        // the treemap beside the table: every row a box in its status's colour, with a legend
        javafx.scene.Node treemap = robot.lookup("#growthTreemap").query();
        assertThat(treemap.getAccessibleText()).isEqualTo("Growth treemap: 1 grew, 0 shrank, 1 new, 1 gone,"
                + " largest growth batch2 +102.0 MiB");
        assertThat(robot.lookup("#growthLegend").queryAs(javafx.scene.layout.HBox.class).getChildren())
                .extracting(n -> ((javafx.scene.control.Labeled) n).getText()).startsWith("grew", "shrank", "new", "gone");
        assertThat(WaitForAsyncUtils.asyncFx(() -> io.herakles.procmem.ui.compare.GrowthTreemapProbe.boxColours(treemap)).get())
                .containsEntry("batch2", "new").containsEntry("db", "grew").containsEntry("batch0", "gone");

        // a mark on the timeline moves where Compare starts: sample 2 against sample 4
        robot.interact(() -> diff.getScene().getWindow().hide()); // it covers the timeline
        moveTimeline(robot, 1);
        robot.clickOn("#timelineMark");
        assertThat(robot.lookup("#timelinePosition").queryLabeled().getText()).endsWith("compare from 2");
        moveTimeline(robot, 3);
        robot.clickOn("File").clickOn("#compareItem");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#diffTotals").queryLabeled().getText()).contains("sample 2 (", "→ sample 4 (");
        robot.interact(() -> robot.lookup("#diffView").query().getScene().getWindow().hide());
        robot.clickOn("#timelineBackToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> window.store().compareMarkProperty().get()).get())
                .as("a mark belongs to its recording").isZero();
    }

    @Test
    void aCutRecordingOpensUpToItsLastSampleAndSaysSo(FxRobot robot) throws Exception {
        Path file = recording(4);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 20));
        robot.interact(() -> window.openSnapshot(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.infos).singleElement().asString().contains("cut short at byte");
        assertThat(window.store().timelineProperty().get()).hasSize(3);
    }

    @Test
    void liveHistoryPutsThisRunOnTheTimelineUntilBackToLive(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.infos).singleElement().asString().contains("no live history");
        dialogs.infos.clear();

        SessionHistory history = services.startHistory(dir);
        for (int tick = 1; tick <= 3; tick++) {
            services.live.publish(TestSnapshots.small(tick));
            int written = tick;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (history.samples() < written) {
                assertThat(System.nanoTime()).as("sample %d written", written).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.infos).isEmpty();
        assertThat(window.store().timelineProperty().get()).hasSize(3);
        assertThat(window.store().getMode()).isEqualTo(SnapshotStore.Mode.FILE);
        assertThat(stage.getTitle()).contains("live history");
        assertThat(robot.lookup("#fileModeLabel").queryLabeled().getText()).isEqualTo("Showing recording live history");
        assertThat(window.store().getCurrentSnapshot().takenAt()).isEqualTo(TestSnapshots.small(1).takenAt());

        moveTimeline(robot, 2);
        assertThat(window.store().getCurrentSnapshot().takenAt()).isEqualTo(TestSnapshots.small(3).takenAt());

        robot.clickOn("#timelineBackToLive");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.store().getMode()).isEqualTo(SnapshotStore.Mode.LIVE);
        assertThat(window.store().timelineProperty().get()).isEmpty();
        history.close();
    }

    @Test
    void aSampleIsDecodedOffTheFxThreadAndTheLatestAskedForWins(FxRobot robot) throws Exception {
        List<String> decodedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        List<Snapshot> samples = new java.util.AbstractList<>() {
            @Override
            public Snapshot get(int index) {
                decodedOn.add(index + " " + Thread.currentThread().getName());
                if (index == 1) {
                    try {
                        slow.await(10, TimeUnit.SECONDS); // a long decode, during which the user drags on
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return TestSnapshots.small(index + 1);
            }

            @Override
            public int size() {
                return 5;
            }
        };
        robot.interact(() -> window.store().showRecording(samples, "slow"));
        decodedOn.clear();
        robot.interact(() -> robot.lookup("#timelineSlider").queryAs(Slider.class).setValue(1));
        robot.interact(() -> robot.lookup("#timelineSlider").queryAs(Slider.class).setValue(2));
        robot.interact(() -> robot.lookup("#timelineSlider").queryAs(Slider.class).setValue(3));
        assertThat(window.store().timelineIndexProperty().get()).as("the window answers meanwhile").isZero();
        slow.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.store().timelineIndexProperty().get() == 3);
        // (the leak suspects pass walks the samples on its own thread; only the timeline's decodes count here)
        List<String> decodes = decodedOn.stream().filter(call -> call.endsWith(" timeline-decode")).toList();
        assertThat(decodes).as("2 was asked for and replaced by 3 while 1 was decoded")
                .containsExactly("1 timeline-decode", "3 timeline-decode");
        assertThat(decodedOn).as("the FX thread shows what was decoded, it does not decode again")
                .noneMatch(call -> call.endsWith(" JavaFX Application Thread"));
    }

    /** Byte offsets of the file's gzip members (header, then one per sample), from their length tags. */
    private static List<Integer> members(byte[] file) {
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int at = 0; at < file.length; ) {
            offsets.add(at);
            at += java.nio.ByteBuffer.wrap(file, at + 17, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        }
        return offsets;
    }

    /**
     * Opens a 3-sample recording whose gzip member {@code member} (0: the header) is damaged inside
     * its compressed data, past the tagged header; returns the damaged file's offsets of members.
     */
    private List<Integer> openDamaged(Path file, int member, FxRobot robot) throws Exception {
        byte[] all = Files.readAllBytes(file);
        List<Integer> offsets = members(all);
        int at = offsets.get(member) + 40;
        all[at] ^= 0x55;
        all[at + 1] ^= 0x55;
        Files.write(file, all);
        robot.interact(() -> window.openSnapshot(file));
        WaitForAsyncUtils.waitForFxEvents();
        return offsets;
    }

    @Test
    void aRecordingWhoseFirstSampleIsCorruptIsOneErrorNamingTheFile(FxRobot robot) throws Exception {
        Path file = recording(3);
        openDamaged(file, 1, robot);
        assertThat(dialogs.errors).singleElement().asString().contains(file + ": corrupt at byte");
        assertThat(window.store().timelineProperty().get()).isEmpty();
    }

    @Test
    void aCorruptLaterSampleIsFoundWhenTheTimelineReachesItAndTheCursorStays(FxRobot robot) throws Exception {
        Path file = recording(3);
        List<Integer> members = openDamaged(file, 3, robot);
        assertThat(dialogs.errors).as("opening reads no sample but the first").isEmpty();
        assertThat(window.store().timelineProperty().get()).hasSize(3);

        robot.interact(() -> robot.lookup("#timelineSlider").queryAs(Slider.class).setValue(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.errors).singleElement().asString()
                .contains(file + ": corrupt at byte " + members.get(3));
        assertThat(window.store().timelineIndexProperty().get()).isZero();
        assertThat(robot.lookup("#timelineSlider").queryAs(Slider.class).getValue())
                .as("the slider goes back to the sample shown").isZero();
        assertThat(shownPids(robot)).contains(7000);
    }

}
