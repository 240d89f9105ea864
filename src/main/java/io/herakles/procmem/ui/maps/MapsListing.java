package io.herakles.procmem.ui.maps;

/** How the maps table lists a process's mappings. */
public enum MapsListing {
    MAPPING("every mapping"),
    PATH("by path"),
    KIND("by kind");

    private final String label;

    MapsListing(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
