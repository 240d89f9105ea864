package io.herakles.procmem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingSetupTest {

    private static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ";

    @TempDir
    Path dir;

    private final Logger ours = Logger.getLogger("io.herakles.procmem.engine.Sampler");
    private final Logger foreign = Logger.getLogger("com.example.Library");
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws IOException {
        System.setErr(originalErr);
        LogManager.getLogManager().readConfiguration();
    }

    private static ExporterConfig config(String level, boolean pprof, Path logFile) {
        ExporterConfig.Builder b = ExporterConfig.builder();
        b.logLevel(level);
        b.enablePprof(pprof);
        b.enableFileLogging(logFile != null);
        b.logFile(logFile == null ? null : logFile.toString());
        return b.build();
    }

    private String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void levelNamesMapToJul() {
        assertThat(LoggingSetup.toJulLevel("off")).isEqualTo(Level.OFF);
        assertThat(LoggingSetup.toJulLevel("error")).isEqualTo(Level.SEVERE);
        assertThat(LoggingSetup.toJulLevel("warn")).isEqualTo(Level.WARNING);
        assertThat(LoggingSetup.toJulLevel("info")).isEqualTo(Level.INFO);
        assertThat(LoggingSetup.toJulLevel("debug")).isEqualTo(Level.FINE);
        assertThat(LoggingSetup.toJulLevel("trace")).isEqualTo(Level.FINEST);
        assertThat(LoggingSetup.effectiveLevel(config("info", true, null))).as("--debug").isEqualTo(Level.FINE);
        assertThat(LoggingSetup.effectiveLevel(config("trace", true, null))).isEqualTo(Level.FINEST);
    }

    @Test
    void infoGoesToStderrAsOneLine() {
        LoggingSetup.apply(config("info", false, null));
        ours.info("collected 12 processes");
        ours.fine("not shown at info");
        assertThat(stderrText()).matches(LINE + "INFO  Sampler: collected 12 processes\\R");
    }

    @Test
    void fileLoggingWritesTheSameLinesToTheFile() throws IOException {
        Path log = dir.resolve("herakles.log");
        Files.writeString(log, "earlier line\n");
        LoggingSetup.apply(config("debug", false, log));
        ours.fine("debug detail");
        ours.warning("slow tick");
        foreign.fine("library chatter stays out at debug");
        foreign.info("library info");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("earlier line");
        assertThat(lines.get(1)).matches(LINE + "DEBUG Sampler: debug detail");
        assertThat(lines.get(2)).matches(LINE + "WARN  Sampler: slow tick");
        assertThat(lines.get(3)).matches(LINE + "INFO  Library: library info");
        assertThat(stderrText().lines()).hasSize(3);
    }

    @Test
    void traceAndErrorLevels() throws IOException {
        Path log = dir.resolve("t.log");
        LoggingSetup.apply(config("trace", false, log));
        ours.finest("finest detail");
        assertThat(Files.readString(log)).matches(LINE + "TRACE Sampler: finest detail\\R");

        Path errors = dir.resolve("e.log");
        LoggingSetup.apply(config("error", false, errors));
        ours.warning("hidden");
        ours.log(Level.SEVERE, "bind failed", new java.net.BindException("Address already in use"));
        assertThat(Files.readString(errors))
                .matches(LINE + "ERROR Sampler: bind failed \\(BindException: Address already in use\\)\\R");
    }

    @Test
    void offIsReallyOff() throws IOException {
        Path log = dir.resolve("off.log");
        LoggingSetup.apply(config("off", false, log));
        ours.severe("nothing");
        foreign.severe("nothing either");
        assertThat(stderrText()).isEmpty();
        assertThat(log).doesNotExist();
    }

    @Test
    void applyingAgainReplacesHandlers() throws IOException {
        Path first = dir.resolve("first.log");
        Path second = dir.resolve("second.log");
        LoggingSetup.apply(config("info", false, first));
        LoggingSetup.apply(config("info", false, second));
        ours.info("once");
        assertThat(Files.readString(first)).isEmpty();
        assertThat(Files.readAllLines(second)).hasSize(1);
        assertThat(stderrText().lines()).hasSize(1);
    }

    @Test
    void unwritableLogFileNamesIt() {
        Path missingDir = dir.resolve("no/such/dir/h.log");
        assertThatThrownBy(() -> LoggingSetup.apply(config("info", false, missingDir)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cannot open log_file " + missingDir + ": directory does not exist");
        assertThatThrownBy(() -> LoggingSetup.apply(config("info", false, dir)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot open log_file " + dir + ": ");
    }

    @Test
    void formatterKeepsEverythingOnOneLine() {
        LogRecord record = new LogRecord(Level.CONFIG, "first\nsecond {0}");
        record.setParameters(new Object[] {"arg"});
        record.setLoggerName(null);
        record.setThrown(new IllegalStateException());
        String line = new OneLineLogFormatter().format(record);
        assertThat(line).matches(LINE + "DEBUG root: first second arg \\(IllegalStateException\\)\\R");
    }
}
