package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.ui.common.TestSnapshots;
import io.herakles.procmem.ui.processes.ProcessRow;
import org.junit.jupiter.api.Test;

class ProcessSignalActionsTest {

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final ProcessSignalActions actions = new ProcessSignalActions(services, dialogs, () -> null);
    private final ProcessRow sshd = new ProcessRow(TestSnapshots.rootDaemon(405));

    @Test
    void confirmationNamesTheProcessAndTheSignalIsSentAfterYes() {
        actions.signal(sshd, false);

        assertThat(dialogs.confirmations).singleElement().asString()
                .contains("sshd").contains("405").contains("SIGTERM");
        assertThat(services.calls).containsExactly("terminate 405");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void noSignalWithoutConfirmation() {
        dialogs.confirmAnswer = false;
        actions.signal(sshd, true);
        assertThat(services.calls).isEmpty();
    }

    @Test
    void aRefusalIsShownNotThrown() {
        services.terminateResult = TerminationResult.refused("Operation not permitted: process 405 belongs to root");

        actions.signal(sshd, true);

        assertThat(services.calls).containsExactly("kill 405");
        assertThat(dialogs.errors).singleElement().asString()
                .contains("Could not kill sshd").contains("Operation not permitted");
    }
}
