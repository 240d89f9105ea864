package io.herakles.procmem.analysis;

/** What one row of a diff is: a process, a subgroup's sum or a group's sum. */
public enum DiffLevel {
    PROCESS, SUBGROUP, GROUP
}
