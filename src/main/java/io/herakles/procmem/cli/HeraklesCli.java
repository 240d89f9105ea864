package io.herakles.procmem.cli;

import io.herakles.procmem.runtime.StartupException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the command line: parses the arguments, runs headless work (exporter, show/check
 * modes, subcommands) and tells {@code Main} whether to open the desktop app instead.
 */
public final class HeraklesCli {

    private HeraklesCli() {}

    /** Runs with the process's environment and standard streams. */
    public static Launch launch(String[] args) {
        return launch(args, System.getenv(), System.out, System.err);
    }

    /**
     * Parses and runs; returns the exit code, or a desktop launch. Usage errors print one line
     * naming the problem and exit {@link ExitCodes#USAGE}.
     */
    public static Launch launch(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        RootCommand root = new RootCommand(env, out, err);
        CommandLine cli = new CommandLine(root);
        Subcommands.addTo(cli, args);     // before the settings below, which picocli hands to existing subcommands
        SubcommandOptions.hideInapplicable(cli);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler(HeraklesCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a user mistake surfaces as a UserError with a printable message; anything else is a bug
            if (e instanceof UserError || e instanceof StartupException) {
                return userError(e, err);
            }
            throw e;
        });
        int code = cli.execute(args);
        return root.deferredLaunch() != null ? root.deferredLaunch() : Launch.exit(code);
    }

    /**
     * Finishes a launch that opens no window: serves the exporter until it is stopped, or (the work
     * already done) passes the exit code on; returns the exit code. A user's mistake found only now
     * (the port taken, a TLS file unreadable) prints one line, as the command line's own errors do.
     */
    public static int runHeadless(Launch launch, PrintStream err) {
        if (!launch.servesExporter()) {
            return launch.exitCode();
        }
        try {
            return ExporterMode.run(launch.exporterConfig());
        } catch (UserError | StartupException e) {
            return userError(e, err);
        }
    }

    /** A user's mistake: one line naming it, and the failure exit code. */
    private static int userError(Exception e, PrintStream err) {
        err.println("Error: " + e.getMessage());
        return ExitCodes.FAILURE;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        err.println("Error: " + message);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
