package io.herakles.procmem.cli;

/** Exit codes, as upstream: 0 ok, 1 failure (validation, failed check, bind/TLS error), 2 usage. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {}
}
