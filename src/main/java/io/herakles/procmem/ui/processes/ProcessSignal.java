package io.herakles.procmem.ui.processes;

import java.util.Locale;

/** The two signals the desktop sends: SIGTERM asks a process to exit, SIGKILL stops it at once. */
public enum ProcessSignal {

    TERMINATE("Terminate", "SIGTERM"),
    KILL("Kill", "SIGKILL");

    private final String verb;
    private final String signalName;

    ProcessSignal(String verb, String signalName) {
        this.verb = verb;
        this.signalName = signalName;
    }

    /** "Terminate" or "Kill": the menu's and the confirmation button's word. */
    public String verb() {
        return verb;
    }

    /** "SIGTERM" or "SIGKILL". */
    public String signalName() {
        return signalName;
    }

    /** The verb in lower case, for sentences ("Could not kill sshd"). */
    public String verbInSentence() {
        return verb.toLowerCase(Locale.ROOT);
    }

    /** Whether this is SIGKILL, which the process cannot catch. */
    public boolean force() {
        return this == KILL;
    }
}
