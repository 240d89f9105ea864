package io.herakles.procmem.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcFs#readsEveryProcess()}: root or CAP_SYS_PTRACE, from a fixture {@code self/status}. */
class SelfPrivilegesTest {

    private static final String CAP_SYS_PTRACE_ONLY = "0000000000080000";

    @TempDir
    Path root;

    @Test
    void rootReadsEveryProcess() throws Exception {
        assertThat(withStatus("Uid:\t0\t0\t0\t0\nCapEff:\t0000000000000000\n")).isTrue();
    }

    @Test
    void capSysPtraceReadsEveryProcess() throws Exception {
        assertThat(withStatus("Uid:\t1000\t1000\t1000\t1000\nCapEff:\t" + CAP_SYS_PTRACE_ONLY + "\n")).isTrue();
    }

    @Test
    void anOrdinaryUserDoesNot() throws Exception {
        assertThat(withStatus("Uid:\t1000\t0\t0\t0\nCapEff:\t0000000000000000\n")).as("only the real uid counts")
                .isFalse();
        assertThat(withStatus("Uid:\t1000\t1000\t1000\t1000\nCapEff:\tzz\n")).as("malformed caps").isFalse();
    }

    @Test
    void anUnreadableStatusIsNoProof() {
        assertThat(new ProcFs(root).readsEveryProcess()).isFalse();
    }

    private boolean withStatus(String status) throws Exception {
        Files.createDirectories(root.resolve("self"));
        Files.writeString(root.resolve("self/status"), "Name:\tjava\n" + status);
        return new ProcFs(root).readsEveryProcess();
    }
}
