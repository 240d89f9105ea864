package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real JavaFX signal confirmation: its buttons, its default, and how it follows the process. */
@ExtendWith(ApplicationExtension.class)
class FxDialogsSignalTest {

    private final ProcessTarget sshd = ProcessTarget.of(TestSnapshots.rootDaemon(405));
    private final AtomicReference<PidStatus> status = new AtomicReference<>(PidStatus.running(sshd.startTime()));
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    /** Opens the confirmation as the window does (nested event loop); completes with its answer. */
    private CompletableFuture<Boolean> ask(ProcessSignal signal) {
        SignalConfirmation question = new SignalConfirmation(sshd, signal, pid -> status.get());
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(new FxDialogs().confirmSignal(stage, question)));
        return answer;
    }

    private static Button button(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".button").match((Button b) -> text.equals(b.getText())).queryButton();
    }

    @Test
    void killSaysKillAndCancelIsTheDefault(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(ProcessSignal.KILL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#signalConfirmation").tryQuery().isPresent());

        Button kill = button(robot, "Kill");
        Button cancel = button(robot, "Cancel");
        assertThat(robot.lookup(".button").match((Button b) -> "OK".equals(b.getText())).tryQuery()).isEmpty();
        assertThat(kill.isDefaultButton()).isFalse();
        assertThat(cancel.isDefaultButton()).isTrue();
        DialogPane pane = robot.lookup("#signalConfirmation").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("pid 405").contains("user root").contains("started");

        robot.type(KeyCode.ENTER); // a reflex Enter cancels
        assertThat(answer.get(20, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void terminateIsTheDefaultForSigterm(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(ProcessSignal.TERMINATE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#signalConfirmation").tryQuery().isPresent());

        assertThat(button(robot, "Terminate").isDefaultButton()).isTrue();
        robot.clickOn(button(robot, "Terminate"));
        assertThat(answer.get(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aQuestionLeftOpenWhileTheProcessExitsSaysSoAndItsActionIsDisabled(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = ask(ProcessSignal.TERMINATE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#signalConfirmation").tryQuery().isPresent());
        Button terminate = button(robot, "Terminate");
        assertThat(terminate.isDisabled()).isFalse();

        status.set(PidStatus.exited());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, terminate::isDisabled);
        DialogPane pane = robot.lookup("#signalConfirmation").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("has already exited").contains("Nothing will be sent");
        robot.type(KeyCode.ENTER); // the disabled action cannot be chosen, not even with its default key
        WaitForAsyncUtils.waitForFxEvents();
        if (!answer.isDone()) {
            robot.clickOn(button(robot, "Cancel"));
        }
        assertThat(answer.get(20, TimeUnit.SECONDS)).isFalse();
    }
}
