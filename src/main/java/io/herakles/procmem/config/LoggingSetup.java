package io.herakles.procmem.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Configures {@code java.util.logging} from {@code log_level}, {@code enable_file_logging},
 * {@code log_file} and {@code enable_pprof} (upstream ignored all but the flag; docs/UPSTREAM.md#u10-logging-settings-work).
 *
 * <ul>
 *   <li>One line per record ({@link OneLineLogFormatter}) on stderr, plus appended to
 *       {@code log_file} when {@code enable_file_logging} is true.</li>
 *   <li>Levels: off → nothing at all, error → SEVERE, warn → WARNING, info → INFO,
 *       debug → FINE, trace → FINEST. {@code enable_pprof} ({@code --debug}) raises the level to at
 *       least debug.</li>
 *   <li>debug/trace apply to our loggers ({@code io.herakles}); other libraries stay at INFO so the
 *       JDK's HTTP server does not flood the log.</li>
 * </ul>
 * With {@code off} no handler is installed at all. Calling {@link #apply} again replaces the handlers it installed before (and closes the log file).
 * Thread-safe (synchronized); meant to be called at start-up from the CLI.
 */
public final class LoggingSetup {

    /** Logger name of everything we own. */
    public static final String OUR_LOGGERS = "io.herakles";

    // Strong references: JUL keeps loggers weakly, a configured level would be lost with a GC.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger OURS = Logger.getLogger(OUR_LOGGERS);
    private static final List<Handler> INSTALLED = new ArrayList<>();
    private static Level ourLevel = Level.INFO;

    private LoggingSetup() {}

    /**
     * Installs the handlers and levels for {@code config}.
     *
     * @throws ConfigException naming the file when the log file cannot be opened for appending
     */
    public static synchronized void apply(ExporterConfig config) {
        Level level = effectiveLevel(config);
        Handler file = config.enableFileLogging() && level != Level.OFF ? openFile(config.logFile()) : null;
        removeInstalled();
        for (Handler h : ROOT.getHandlers()) {
            ROOT.removeHandler(h); // the JDK's default two-line console handler
        }
        if (level != Level.OFF) {
            install(new ConsoleHandler());
        }
        if (file != null) {
            install(file);
        }
        ourLevel = level;
        OURS.setLevel(level);
        ROOT.setLevel(level.intValue() < Level.INFO.intValue() ? Level.INFO : level);
    }

    /**
     * Logs an INFO line of ours straight to the handlers {@link #apply} installed, for the last lines
     * of a stop on SIGTERM/SIGINT: the JDK's log manager removes every handler in its own shutdown
     * hook, which runs alongside ours, so a line logged through the logger then could be lost.
     */
    public static synchronized void logDuringShutdown(Logger logger, String message) {
        if (INSTALLED.isEmpty()) {
            logger.info(message); // apply was never called: the JDK's own configuration
            return;
        }
        if (ourLevel.intValue() > Level.INFO.intValue()) {
            return;
        }
        LogRecord record = new LogRecord(Level.INFO, message);
        record.setLoggerName(logger.getName());
        for (Handler handler : INSTALLED) {
            handler.publish(record);
            handler.flush();
        }
    }

    /** The JUL level for a configuration: {@code log_level}, raised to FINE by {@code enable_pprof}. */
    public static Level effectiveLevel(ExporterConfig config) {
        Level level = toJulLevel(config.logLevel());
        if (config.enablePprof() && level.intValue() > Level.FINE.intValue()) {
            return Level.FINE;
        }
        return level;
    }

    /** off|error|warn|info|debug|trace → JUL level (unknown names → INFO; validation rejects them). */
    public static Level toJulLevel(String logLevel) {
        return switch (logLevel == null ? "" : logLevel.toLowerCase(Locale.ROOT)) {
            case "off" -> Level.OFF;
            case "error" -> Level.SEVERE;
            case "warn" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        };
    }

    private static void install(Handler handler) {
        handler.setFormatter(new OneLineLogFormatter());
        handler.setLevel(Level.ALL);
        ROOT.addHandler(handler);
        INSTALLED.add(handler);
    }

    private static void removeInstalled() {
        for (Handler h : INSTALLED) {
            ROOT.removeHandler(h);
            if (h instanceof FlushingHandler file) {
                file.closeFile();
            } else {
                h.flush(); // closing a ConsoleHandler would close stderr
            }
        }
        INSTALLED.clear();
    }

    private static Handler openFile(String logFile) {
        Path path = Path.of(logFile);
        try {
            OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new FlushingHandler(out);
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot open log_file " + logFile + ": directory does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot open log_file " + logFile + ": permission denied");
        } catch (FileSystemException e) {
            throw new ConfigException("cannot open log_file " + logFile + ": "
                    + (e.getReason() == null ? "not writable" : e.getReason()));
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot open log_file " + logFile + ": " + e.getMessage());
        }
    }

    /** Appends to the log file and flushes every record, so a crash loses nothing. */
    private static final class FlushingHandler extends StreamHandler {
        FlushingHandler(OutputStream out) {
            super(out, new OneLineLogFormatter());
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }

        /**
         * Only flushes: the log manager closes every handler in its shutdown hook, and the last lines
         * of a graceful stop come after that ({@link #logDuringShutdown}). The file is closed when
         * {@link #apply} replaces the handler, or by the process's exit.
         */
        @Override
        public synchronized void close() {
            flush();
        }

        synchronized void closeFile() {
            super.close();
        }
    }
}
