package io.herakles.procmem.analysis;

/** How a row's before and after were paired. */
public enum MatchKind {
    /** Same pid and same start time: certainly the same process. */
    PID,
    /** Pids differ (another boot, a restarted service): same group, subgroup, name and command line. */
    IDENTITY,
    /** Subgroup or group rows: the same key. */
    KEY,
    /** Present on one side only (new or gone). */
    NONE
}
