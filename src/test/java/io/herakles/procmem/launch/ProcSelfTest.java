package io.herakles.procmem.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cheap reads of this JVM's start give what the JDK's APIs give. */
class ProcSelfTest {

    @Test
    void answersAsTheJdksApisDo() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        assertThat(ProcSelf.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(ProcSelf.executable()).isEqualTo(info.command());
        assertThat(ProcSelf.arguments()).isEqualTo(info.arguments().map(List::of));
        assertThat(ProcSelf.inputArguments()).isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    @Test
    void aCommandLineIsSplitAtItsNulsWithoutTheExecutable() {
        assertThat(ProcSelf.argumentsOf("java\0-jar\0a b.jar\0\0diff\0".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).containsExactly("-jar", "a b.jar", "", "diff");
        assertThat(ProcSelf.argumentsOf("java\0-version".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .containsExactly("-version");
        assertThat(ProcSelf.argumentsOf(new byte[0], StandardCharsets.UTF_8)).isEmpty();
    }
}
