package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionAndManTest {

    @Test
    void bashCompletionKnowsEverySubcommandAndFlag() {
        InProcessCli r = InProcessCli.run("completion", "bash");

        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F", "herakles-proc-mem")
                .contains("generate-testdata", "subgroups", "check", "completion")
                .contains("--exporter", "--web-config-file", "--min-per-subgroup");
    }

    @Test
    void zshCompletionLoadsBashCompletionFirst() {
        String script = InProcessCli.run("completion", "zsh").stdout();

        assertThat(script).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n")
                .contains("complete -F");
    }

    @Test
    void anUnknownShellIsOneLineAndExitOne() {
        InProcessCli r = InProcessCli.run("completion", "fish");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.stderr().strip()).isEqualTo("Error: completion: unknown shell 'fish' (bash or zsh)");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void manPageHasEverySectionAndSubcommand() {
        String page = InProcessCli.run("man").stdout();

        assertThat(page).startsWith(".TH \"HERAKLES\\-PROC\\-MEM\" 1 ")
                .contains(".SH \"NAME\"", ".SH \"SYNOPSIS\"", ".SH \"OPTIONS\"", ".SH \"COMMANDS\"",
                        ".SH \"ENVIRONMENT\"", ".SH \"FILES\"", ".SH \"EXIT STATUS\"")
                .contains(".SS \"check\"", ".SS \"config\"", ".SS \"test\"", ".SS \"subgroups\"",
                        ".SS \"generate\\-testdata\"", ".SS \"bench\"", ".SS \"completion\"")
                .contains("\\fB\\-\\-exporter\\fR", "\\fB\\-\\-min\\-per\\-subgroup\\fR \\fIN\\fR");
        // every request line is a known man(7) macro: a typo would print as text
        assertThat(page.lines().filter(l -> l.startsWith(".")))
                .allMatch(l -> l.matches("\\.(TH|SH|SS|PP|TP|B|br)( .*)?"));
    }

    @Test
    void troffControlCharactersAreEscaped() {
        assertThat(ManPage.escape(".hidden")).isEqualTo("\\&.hidden");
        assertThat(ManPage.escape("'quote")).isEqualTo("\\&'quote");
        assertThat(ManPage.escape("a\\b-c")).isEqualTo("a\\eb\\-c");
    }
}
