package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --exporter} (or no display) is decided by the command line and served after it, so that
 * nothing of the parser stays reachable while the exporter runs; errors found only when serving
 * still read as the command line's own.
 */
class ExporterLaunchTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    private Launch launch(Map<String, String> env, String... args) {
        return HeraklesCli.launch(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), errStream);
    }

    @Test
    void theExporterIsServedAfterTheCommandLineWithItsConfiguration() {
        Launch launch = launch(Map.of("DISPLAY", ":0"), "--exporter", "--no-config", "--bind", "127.0.0.1", "-p", "19999");

        assertThat(launch.servesExporter()).isTrue();
        assertThat(launch.opensDesktop()).isFalse();
        assertThat(launch.exporterConfig().port()).isEqualTo(19999);
        assertThat(launch.exporterConfig().bind()).isEqualTo("127.0.0.1");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutADisplayTheExporterIsServedAndSaysWhy() {
        Launch launch = launch(Map.of(), "--no-config");

        assertThat(launch.servesExporter()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No display found");
    }

    @Test
    void aSubcommandOrAnErrorIsNoExporterLaunchAndKeepsItsExitCode() {
        Launch usageError = launch(Map.of(), "--no-config", "--port", "0");
        assertThat(usageError.servesExporter()).isFalse();
        assertThat(HeraklesCli.runHeadless(usageError, errStream)).isEqualTo(usageError.exitCode()).isNotZero();
        Launch subcommand = launch(Map.of(), "--no-config", "subgroups");
        assertThat(subcommand.servesExporter()).isFalse();
        assertThat(HeraklesCli.runHeadless(subcommand, errStream)).isZero();
    }

    @Test
    void aTakenPortIsOneErrorLineAndAFailedExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Launch launch = launch(Map.of(), "--exporter", "--no-config", "--bind", "127.0.0.1",
                    "-p", Integer.toString(taken.getLocalPort()));

            int code = HeraklesCli.runHeadless(launch, errStream);

            assertThat(code).isEqualTo(ExitCodes.FAILURE);
            String lines = err.toString(StandardCharsets.UTF_8).strip();
            assertThat(lines).startsWith("Error: ").contains(Integer.toString(taken.getLocalPort())).doesNotContain("\n\tat ");
        }
    }
}
