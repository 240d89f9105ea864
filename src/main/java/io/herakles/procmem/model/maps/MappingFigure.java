package io.herakles.procmem.model.maps;

/**
 * The per-mapping sizes of {@code smaps} we keep, each under the kernel's key. Bytes (the file says kB).
 * USS is not a line of its own: {@link MappingSizes#uss()} is Private_Clean + Private_Dirty.
 */
public enum MappingFigure {
    SIZE("Size", "Size"),
    RSS("Rss", "RSS"),
    PSS("Pss", "PSS"),
    SHARED_CLEAN("Shared_Clean", "Shared clean"),
    SHARED_DIRTY("Shared_Dirty", "Shared dirty"),
    PRIVATE_CLEAN("Private_Clean", "Private clean"),
    PRIVATE_DIRTY("Private_Dirty", "Private dirty"),
    ANONYMOUS("Anonymous", "Anonymous"),
    SWAP("Swap", "Swap"),
    SWAP_PSS("SwapPss", "Swap PSS"),
    LOCKED("Locked", "Locked"),
    ANON_HUGE_PAGES("AnonHugePages", "THP (anon)"),
    SHMEM_PMD_MAPPED("ShmemPmdMapped", "THP (shmem)"),
    FILE_PMD_MAPPED("FilePmdMapped", "THP (file)");

    private final String key;
    private final String label;

    MappingFigure(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key as {@code smaps} spells it, without the colon. */
    public String key() {
        return key;
    }

    /** Short label for tables. */
    public String label() {
        return label;
    }
}
