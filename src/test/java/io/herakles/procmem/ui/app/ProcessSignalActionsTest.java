package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.ui.common.Formats;
import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import org.junit.jupiter.api.Test;

/** The confirm-and-send sequence against fake services and dialogs. */
class ProcessSignalActionsTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ProcessSignalActions actions = new ProcessSignalActions(services, dialogs, () -> null);
    private final ProcessTarget sshd = ProcessTarget.of(TestSnapshots.rootDaemon(405));

    @Test
    void confirmationNamesProcessPidUserAndStartTimeAndTheSignalIsSentAfterYes() {
        services.pidStatuses.put(405, PidStatus.running(sshd.startTime()));

        actions.request(sshd, ProcessSignal.TERMINATE);

        SignalConfirmation question = dialogs.signalQuestions.get(0);
        assertThat(question.title()).isEqualTo("Terminate sshd?");
        assertThat(question.message()).contains("\u201csshd\u201d").contains("pid 405").contains("user root")
                .contains("started " + Formats.time(sshd.startTime())).contains("SIGTERM");
        assertThat(question.actionText()).isEqualTo("Terminate");
        assertThat(question.cancelIsDefault()).isFalse();
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(services.calls).containsExactly("terminate 405");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).isEmpty();
    }

    @Test
    void killSaysKillAndCancelIsTheDefault() {
        actions.request(sshd, ProcessSignal.KILL);

        SignalConfirmation question = dialogs.signalQuestions.get(0);
        assertThat(question.title()).isEqualTo("Kill sshd?");
        assertThat(question.actionText()).isEqualTo("Kill");
        assertThat(question.cancelIsDefault()).isTrue();
        assertThat(question.message()).contains("SIGKILL").contains("cannot save its work");
        assertThat(services.calls).containsExactly("kill 405");
    }

    @Test
    void noSignalWithoutConfirmation() {
        dialogs.confirmAnswer = false;
        actions.request(sshd, ProcessSignal.KILL);
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(services.calls).isEmpty();
    }

    @Test
    void aRefusalIsShownOnceNotThrownAndNothingElseHappens() {
        services.terminateResult = TerminationResult.refused("Operation not permitted: process 405 belongs to root");

        actions.request(sshd, ProcessSignal.KILL);

        assertThat(services.calls).containsExactly("kill 405");
        assertThat(dialogs.errors).singleElement().asString()
                .contains("Could not kill sshd").contains("Operation not permitted");
        assertThat(dialogs.infos).isEmpty();
        assertThat(actions.busy()).isFalse();
    }

    @Test
    void aServiceThatThrowsIsARefusalToo() {
        services.terminateFailure = new IllegalStateException("no permission to signal");

        actions.request(sshd, ProcessSignal.TERMINATE);

        assertThat(dialogs.errors).singleElement().asString().contains("no permission to signal");
    }

    @Test
    void aProcessThatExitedBeforeTheMenuActionIsNamedAndNothingIsAsked() {
        services.pidStatuses.put(405, PidStatus.exited());

        actions.request(sshd, ProcessSignal.TERMINATE);

        assertThat(dialogs.confirmations).isEmpty();
        assertThat(dialogs.infos).singleElement().asString()
                .contains("\u201csshd\u201d (pid 405) has already exited").contains("Nothing was sent");
        assertThat(services.calls).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aPidNowHeldByAnotherProcessIsNotSignalled() {
        services.pidStatuses.put(405, PidStatus.running(sshd.startTime().plusSeconds(3600)));

        actions.request(sshd, ProcessSignal.KILL);

        assertThat(dialogs.confirmations).isEmpty();
        assertThat(dialogs.infos).singleElement().asString()
                .contains("pid 405 now belongs to another process").contains("Nothing was sent");
        assertThat(services.calls).isEmpty();
    }

    @Test
    void startTimesASecondApartAreTheSameProcess() {
        // btime is whole seconds recomputed on each read: the same process may look a second off
        services.pidStatuses.put(405, PidStatus.running(sshd.startTime().plusMillis(1000)));

        actions.request(sshd, ProcessSignal.TERMINATE);

        assertThat(services.calls).containsExactly("terminate 405");
    }

    @Test
    void aQuestionLeftOpenWhileTheProcessExitsSaysSoAndCannotBeConfirmed() {
        dialogs.whileSignalQuestionOpen = question -> {
            question.recheck();
            assertThat(question.isActionDisabled()).as("still running").isFalse();
            services.pidStatuses.put(405, PidStatus.exited());
            question.recheck(); // what the open dialog does every second
        };

        actions.request(sshd, ProcessSignal.KILL);

        SignalConfirmation question = dialogs.signalQuestions.get(0);
        assertThat(question.isActionDisabled()).isTrue();
        assertThat(question.problemProperty().get()).contains("has already exited").contains("Nothing will be sent");
        assertThat(question.textBinding().get()).startsWith(question.message()).endsWith(question.problemProperty().get());
        assertThat(services.calls).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void exitingBetweenConfirmationAndSignalIsReportedOnceAsAlreadyExited() {
        services.terminateResult = TerminationResult.notThere(TargetState.EXITED,
                "\u201csshd\u201d (pid 405) has already exited. Nothing was sent.");

        actions.request(sshd, ProcessSignal.TERMINATE);

        assertThat(dialogs.infos).singleElement().asString().contains("already exited");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void repeatedActivationsWhileADialogIsOpenOpenNoSecondDialog() {
        dialogs.whileSignalQuestionOpen = question -> {
            // a double-click, a repeated Delete, another menu activation while the first is answered
            actions.request(sshd, ProcessSignal.TERMINATE);
            actions.request(sshd, ProcessSignal.KILL);
            actions.request(ProcessTarget.of(TestSnapshots.small(1).processes().get(0)), ProcessSignal.KILL);
        };

        actions.request(sshd, ProcessSignal.TERMINATE);

        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(services.calls).containsExactly("terminate 405");
        assertThat(actions.busy()).isFalse();

        dialogs.whileSignalQuestionOpen = question -> { };
        actions.request(sshd, ProcessSignal.KILL);
        assertThat(dialogs.confirmations).as("the next request after the first finished is asked").hasSize(2);
    }
}
