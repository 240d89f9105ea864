package io.herakles.procmem.model;

/** The memory figure a view ranks or sizes by. */
public enum MemoryMetric {
    /** Unique set size: what killing the process would free. */
    USS,
    /** Proportional set size: shared pages split between their users. */
    PSS,
    /** Resident set size: counts shared pages once per process. */
    RSS
}
