package io.herakles.procmem.export.snapshot;

/**
 * Field names of the snapshot JSON, shared by writer and reader. The first block is upstream's
 * test-data format; everything after {@link #CPU_TIME_SECONDS} and the top-level
 * {@link #SOURCE} and {@link #SYSTEM} are our extensions, which upstream ignores on load.
 */
final class JsonFields {

    static final String FORMAT_VERSION = "1.0";

    // top level (upstream)
    static final String VERSION = "version";
    static final String GENERATED_AT = "generated_at";
    static final String PROCESSES = "processes";
    // top level (ours)
    static final String SOURCE = "source";
    static final String SYSTEM = "system";

    // process (upstream, all required)
    static final String PID = "pid";
    static final String NAME = "name";
    static final String GROUP = "group";
    static final String SUBGROUP = "subgroup";
    static final String RSS = "rss";
    static final String PSS = "pss";
    static final String USS = "uss";
    static final String CPU_PERCENT = "cpu_percent";
    static final String CPU_TIME_SECONDS = "cpu_time_seconds";
    // process (ours, all optional on load)
    static final String PPID = "ppid";
    static final String CMDLINE = "cmdline";
    static final String UID = "uid";
    static final String USER = "user";
    static final String STATE = "state";
    static final String THREADS = "threads";
    static final String START_TIME = "start_time";
    static final String SWAP = "swap";
    static final String RSS_ANON = "rss_anon";
    static final String RSS_FILE = "rss_file";
    static final String RSS_SHMEM = "rss_shmem";
    static final String PSS_ANON = "pss_anon";
    static final String PSS_FILE = "pss_file";
    static final String PSS_SHMEM = "pss_shmem";
    static final String SWAP_PSS = "swap_pss";
    static final String MATCHED_RULE = "matched_rule";

    // system (ours, all optional)
    static final String MEM_TOTAL = "mem_total";
    static final String MEM_AVAILABLE = "mem_available";
    static final String SWAP_TOTAL = "swap_total";
    static final String SWAP_FREE = "swap_free";
    static final String LOAD1 = "load1";
    static final String LOAD5 = "load5";
    static final String LOAD15 = "load15";
    static final String CPU_COUNT = "cpu_count";
    static final String CPU_USAGE_RATIO = "cpu_usage_ratio";

    private JsonFields() {}
}
