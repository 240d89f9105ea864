package io.herakles.procmem.config;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code 2026-11-25T10:00:00Z INFO  Sampler: message}. UTC time to the
 * second, our level names (ERROR, WARN, INFO, DEBUG, TRACE) padded to five, the logger's simple
 * name (after the last dot), the message; a throwable is appended as {@code (Type: message)} on the
 * same line, so a user never sees a stack trace in the log. Stateless, thread-safe.
 */
public final class OneLineLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(Instant.ofEpochMilli(record.getMillis()).truncatedTo(ChronoUnit.SECONDS)).append(' ');
        String level = levelName(record.getLevel());
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(simpleName(record.getLoggerName())).append(": ");
        line.append(ConfigException.oneLine(formatMessage(record)));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line.append(" (").append(thrown.getClass().getSimpleName());
            if (thrown.getMessage() != null) {
                line.append(": ").append(ConfigException.oneLine(thrown.getMessage()));
            }
            line.append(')');
        }
        return line.append(System.lineSeparator()).toString();
    }

    /** JUL level → our names: SEVERE=ERROR, WARNING=WARN, INFO, CONFIG/FINE=DEBUG, finer=TRACE. */
    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    private static String simpleName(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }
}
