package io.herakles.procmem.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders the manual page (troff, {@code man(7)} macros) from the picocli model that parses the
 * command line: options, subcommands and their descriptions are the ones {@code --help} prints, so
 * the page cannot drift from the program. Sections that the model does not hold (environment, files,
 * exit status) are written here.
 */
final class ManPage {

    private final StringBuilder out = new StringBuilder();

    private ManPage() {}

    static String render(CommandLine root, String version) {
        return new ManPage().page(root.getCommandSpec(), version);
    }

    private String page(CommandSpec root, String version) {
        line(".TH " + quoted(root.name().toUpperCase(Locale.ROOT)) + " 1 \"\" " + quoted(root.name() + " " + version)
                + " \"User Commands\"");
        section("NAME");
        line(escape(root.name() + " - Linux process-memory monitor: RSS/PSS/USS and CPU per process, classified into groups"));
        section("SYNOPSIS");
        line(".B " + escape(root.name()));
        line("[\\fIOPTIONS\\fR] [\\fB\\-\\-exporter\\fR | \\fB\\-\\-snapshot\\fR \\fIFILE\\fR]");
        line(".br");
        line(".B " + escape(root.name()));
        line("\\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
        section("DESCRIPTION");
        paragraphs(root.usageMessage().description());
        section("OPTIONS");
        options(root.options());
        section("COMMANDS");
        for (CommandLine sub : root.subcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                command(sub.getCommandSpec());
            }
        }
        section("ENVIRONMENT");
        definition("HERAKLES_\\fIKEY\\fR", "Sets configuration key \\fIkey\\fR (for example \\fBHERAKLES_PORT=9300\\fR;"
                + " lists comma-separated). Flags win over the environment, the environment over the file.");
        definition("HERAKLES_NO_REEXEC=1", "Start in this JVM as it is, without re-executing with the"
                + " footprint-tuned JVM flags.");
        definition("DISPLAY, WAYLAND_DISPLAY", "When neither is set, the exporter runs instead of the desktop app.");
        section("FILES");
        for (String file : List.of("./herakles-proc-mem-exporter.{yaml,yml,json,toml}", "~/.config/herakles/config.yaml",
                "/etc/herakles/config.yaml", "/etc/herakles/proc-mem-exporter.{yaml,yml,json,toml}")) {
            definition(escape(file), "Configuration; the first found of these is used, unless \\fB\\-c\\fR names one.");
        }
        definition("/etc/herakles/subgroups.toml, ./subgroups.toml", "Classification rules added to the built-in ones.");
        section("EXIT STATUS");
        definition("0", "Success.");
        definition("1", "Failure: invalid configuration or rules, a check failed, a file could not be read or written.");
        definition("2", "Usage error: unknown flag or subcommand, or a bad flag value.");
        section("SEE ALSO");
        line(escape("prometheus(1), smem(8), proc(5)"));
        return out.toString();
    }

    private void command(CommandSpec command) {
        line(".SS " + quoted(command.name()));
        paragraphs(command.usageMessage().description());
        for (PositionalParamSpec p : command.positionalParameters()) {
            if (!p.hidden()) {
                definition("\\fI" + escape(p.paramLabel()) + "\\fR", escape(String.join(" ", p.description())));
            }
        }
        options(command.options());
    }

    private void options(List<OptionSpec> options) {
        for (OptionSpec option : options) {
            if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String names = String.join(", ", java.util.Arrays.stream(option.names()).map(n -> "\\fB" + escape(n) + "\\fR").toList());
            String label = option.typeInfo().isBoolean() ? "" : " \\fI" + escape(option.paramLabel()) + "\\fR";
            definition(names + label, escape(String.join(" ", option.description())));
        }
    }

    private void paragraphs(String[] lines) {
        for (String l : lines) {
            line(".PP");
            line(escape(l));
        }
    }

    private void section(String title) {
        line(".SH " + quoted(title));
    }

    private void definition(String term, String text) {
        line(".TP");
        line(term);
        line(text);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private static String quoted(String s) {
        return '"' + escape(s).replace("\"", "\\(dq") + '"';
    }

    /** troff: backslashes and minus signs literal; a line never starts with a control character. */
    static String escape(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}
