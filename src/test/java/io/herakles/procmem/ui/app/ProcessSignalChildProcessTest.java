package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.collect.MonotonicClock;
import io.herakles.procmem.collect.ProcFs;
import io.herakles.procmem.collect.UserNames;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.engine.Collector;
import io.herakles.procmem.engine.CollectorTuning;
import io.herakles.procmem.engine.TickResult;
import io.herakles.procmem.model.GroupKey;
import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.runtime.PidStatus;
import io.herakles.procmem.runtime.ProcessStatusReader;
import io.herakles.procmem.testsupport.ChildProcesses;
import io.herakles.procmem.ui.processes.ProcessSignal;
import io.herakles.procmem.ui.processes.ProcessTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kill path against real child processes: the target is captured from a real collection (as
 * the table captures it), checked and signalled by the real {@link ProcessSignaller}; only the
 * dialogs are scripted.
 */
class ProcessSignalChildProcessTest {

    private final List<Process> children = new ArrayList<>();
    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ProcessSignalActions actions = new ProcessSignalActions(services, dialogs, () -> null);
    private final ProcessSignaller signaller = new ProcessSignaller(new ProcessStatusReader(ExporterConfig.defaults()));

    @BeforeEach
    void realSignals() {
        assumeThat(Files.isDirectory(Path.of("/proc/self"))).as("a Linux /proc").isTrue();
        services.realSignals = signaller;
    }

    @AfterEach
    void stopChildren() {
        children.forEach(ChildProcesses::stop);
    }

    @Test
    void aConfirmedTerminateEndsTheChosenProcess() throws Exception {
        Process child = sleeper();
        ProcessTarget target = ProcessTarget.of(collected(child));
        assertThat(target.startTime()).as("the collector knows the start time").isNotNull();
        assertThat(signaller.status(target.pid()).startTime()).as("read again, the same start time")
                .isEqualTo(target.startTime());

        actions.request(target, ProcessSignal.TERMINATE);

        assertThat(dialogs.confirmations).singleElement().asString().contains("pid " + child.pid());
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).as("the child died").isTrue();
        assertThat(child.exitValue()).as("killed by SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).isEmpty();
    }

    @Test
    void aProcessThatExitsWhileTheQuestionIsOpenIsNotSignalledAndTheQuestionSaysSo() throws Exception {
        Process child = sleeper();
        ProcessTarget target = ProcessTarget.of(collected(child));
        dialogs.whileSignalQuestionOpen = question -> {
            exit(child);
            question.recheck(); // what the open dialog does every second
        };

        actions.request(target, ProcessSignal.KILL);

        SignalConfirmation question = dialogs.signalQuestions.get(0);
        assertThat(question.problemProperty().get()).contains("has already exited");
        assertThat(question.isActionDisabled()).isTrue();
        assertThat(services.calls).as("nothing sent").isEmpty();
    }

    @Test
    void aProcessThatExitsJustBeforeTheConfirmationArrivesIsNotSignalled() throws Exception {
        Process child = sleeper();
        ProcessTarget target = ProcessTarget.of(collected(child));
        // the user confirms before the open dialog noticed: the check right before the signal catches it
        dialogs.whileSignalQuestionOpen = question -> exit(child);

        actions.request(target, ProcessSignal.TERMINATE);

        assertThat(services.calls).containsExactly("terminate " + child.pid());
        assertThat(dialogs.infos).singleElement().asString().contains("has already exited").contains("Nothing was sent");
        assertThat(dialogs.errors).isEmpty();
        TerminationResult direct = signaller.send(target, ProcessSignal.KILL);
        assertThat(direct.outcome()).isEqualTo(TerminationResult.Outcome.EXITED);
    }

    @Test
    void aPidThatASnapshotRecordedWithAnotherStartTimeIsLeftAlone() throws Exception {
        Process child = sleeper();
        ProcessSample real = collected(child);
        // a snapshot from before the pid was reused: same pid, a process that started an hour earlier
        ProcessTarget stale = ProcessTarget.of(real.toBuilder().name("old-daemon")
                .startTime(real.startTime().minus(Duration.ofHours(1))).build());

        actions.request(stale, ProcessSignal.KILL);

        assertThat(dialogs.confirmations).as("nothing to confirm").isEmpty();
        assertThat(dialogs.infos).singleElement().asString()
                .contains("now belongs to another process").contains("Nothing was sent");
        assertThat(services.calls).isEmpty();
        // and the check right before sending refuses as well
        TerminationResult direct = signaller.send(stale, ProcessSignal.KILL);
        assertThat(direct.outcome()).isEqualTo(TerminationResult.Outcome.REPLACED);
        assertThat(direct.sent()).isFalse();
        assertThat(child.waitFor(500, TimeUnit.MILLISECONDS)).as("the child still runs").isFalse();
        assertThat(child.isAlive()).isTrue();
    }

    @Test
    void heraklesItselfIsRefused() {
        ProcessTarget self = new ProcessTarget((int) ProcessHandle.current().pid(),
                signaller.status((int) ProcessHandle.current().pid()).startTime(), "java", "");
        TerminationResult result = signaller.send(self, ProcessSignal.TERMINATE);
        assertThat(result.outcome()).isEqualTo(TerminationResult.Outcome.REFUSED);
        assertThat(result.message()).contains("Herakles itself");
    }

    @Test
    void anUnusedPidHasExited() {
        assertThat(signaller.status(Integer.MAX_VALUE).running()).isFalse();
    }

    private Process sleeper() throws Exception {
        Process p = new ProcessBuilder("sleep", "600").start();
        children.add(p);
        return p;
    }

    private static void exit(Process child) {
        child.destroyForcibly();
        try {
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The child as one collection pass sees it: what a snapshot row holds. */
    private static ProcessSample collected(Process child) {
        int pid = (int) child.pid();
        try (Collector collector = new Collector(ExporterConfig.builder().build(),
                (n, c) -> Optional.of(new Classification(GroupKey.OTHER, "")),
                new ProcFs(Path.of("/proc")), UserNames.system(), MonotonicClock.SYSTEM)) {
            TickResult r = collector.collect(CollectorTuning.complete(), new int[] {pid});
            assertThat(r.processes()).hasSize(1);
            return r.processes().get(0);
        }
    }
}
