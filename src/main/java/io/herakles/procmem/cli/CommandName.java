package io.herakles.procmem.cli;

/** The command's name as installed ({@code /usr/bin/herakles-proc-mem}), used in help, completion and man page. */
final class CommandName {
    static final String NAME = "herakles-proc-mem";

    private CommandName() {}
}
