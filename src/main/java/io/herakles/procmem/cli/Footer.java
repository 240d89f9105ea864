package io.herakles.procmem.cli;

/** Upstream's project footer line, kept for parity with its --help and pages. */
final class Footer {
    static final String LINE = "Project: https://github.com/herakles-io/herakles-proc-mem-exporter"
            + " — More info: https://www.herakles.io — Support: proc-mem@herakles.io";

    private Footer() {}
}
