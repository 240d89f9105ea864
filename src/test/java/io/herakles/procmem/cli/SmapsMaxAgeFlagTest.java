package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --smaps-max-age-seconds} and its environment variable, through the real command line, in process. */
class SmapsMaxAgeFlagTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        return HeraklesCli.launch(args, env, out, err).exitCode();
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFlagSetsTheKeyAndBeatsTheEnvironment() throws Exception {
        int rc = run(Map.of("HERAKLES_SMAPS_MAX_AGE_SECONDS", "30"), "--no-config", "--show-config",
                "--config-format", "json", "--smaps-max-age-seconds", "5");
        assertThat(rc).as(err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.path("smaps_max_age_seconds").asLong()).isEqualTo(5);
    }

    @Test
    void theEnvironmentVariableAloneSetsIt() throws Exception {
        int rc = run(Map.of("HERAKLES_SMAPS_MAX_AGE_SECONDS", "30"), "--no-config", "--show-config",
                "--config-format", "json");
        assertThat(rc).as(err()).isZero();
        assertThat(new ObjectMapper().readTree(out()).path("smaps_max_age_seconds").asLong()).isEqualTo(30);
    }

    @Test
    void anOutOfRangeValueFailsTheCheckWithOneLine() {
        int rc = run(Map.of(), "--no-config", "--check-config", "--smaps-max-age-seconds", "-3");
        assertThat(rc).isEqualTo(ExitCodes.FAILURE);
        assertThat(err().strip()).isEqualTo(
                "❌ Configuration invalid: smaps_max_age_seconds must be between 0 and 86400 (seconds), got -3");
    }

    @Test
    void aNonNumberIsAUsageErrorNamingTheFlag() {
        int rc = run(Map.of(), "--no-config", "--check-config", "--smaps-max-age-seconds", "ten");
        assertThat(rc).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines().findFirst().orElse("")).contains("--smaps-max-age-seconds").contains("ten");
    }
}
