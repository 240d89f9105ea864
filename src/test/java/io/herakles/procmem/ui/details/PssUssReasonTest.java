package io.herakles.procmem.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.details.PssUssReason.Source;
import org.junit.jupiter.api.Test;

class PssUssReasonTest {

    private static ProcessSample.Builder user(String user) {
        return ProcessSample.builder(4242, "postgres").ppid(1).cmdline("postgres -D /data").user(user).state('S')
                .rssBytes(50 << 20);
    }

    @Test
    void aProcessWithPssOrUssNeedsNoReason() {
        assertThat(PssUssReason.of(user("pg").pssBytes(1).build(), Source.THIS_MACHINE_OWN, "me")).isEmpty();
        assertThat(PssUssReason.of(user("pg").ussBytes(1).build(), Source.FILE, "me")).isEmpty();
    }

    @Test
    void anotherUsersProcessIsExplainedByOwnershipWhenThisAppReadsOnlyItsOwn() {
        assertThat(PssUssReason.of(user("postgres").build(), Source.THIS_MACHINE_OWN, "alice"))
                .contains(PssUssReason.notOwner("postgres"));
        assertThat(PssUssReason.notOwner("postgres")).startsWith("owned by postgres: ").contains("cap_sys_ptrace");
    }

    @Test
    void ownProcessesAndReadersOfEveryProcessCanOnlyHaveMissedAnExitingProcess() {
        assertThat(PssUssReason.of(user("alice").build(), Source.THIS_MACHINE_OWN, "alice")).contains(PssUssReason.GONE);
        assertThat(PssUssReason.of(user("postgres").build(), Source.THIS_MACHINE_ALL, "root")).contains(PssUssReason.GONE);
    }

    @Test
    void kernelThreadsAndZombiesHaveNoMemoryToReadWhoeverReads() {
        ProcessSample kworker = ProcessSample.builder(77, "kworker/0:1").ppid(2).cmdline("").user("root").build();
        ProcessSample zombie = user("postgres").state('Z').rssBytes(0).build();
        for (Source source : Source.values()) {
            assertThat(PssUssReason.of(kworker, source, "alice")).contains(PssUssReason.KERNEL_THREAD);
            assertThat(PssUssReason.of(zombie, source, "alice")).contains(PssUssReason.ZOMBIE);
        }
    }

    @Test
    void filesAndRemoteExportersSayWhereTheReadFailed() {
        assertThat(PssUssReason.of(user("postgres").build(), Source.FILE, "alice")).contains(PssUssReason.FILE);
        assertThat(PssUssReason.of(user("postgres").build(), Source.REMOTE, "alice")).contains(PssUssReason.REMOTE);
    }
}
