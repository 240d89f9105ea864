package io.herakles.procmem.model.maps;

/**
 * Progress and cancellation of a scan over every process. Called on the scanning threads (a scan
 * may use several at once), so an implementation must be thread-safe and only hand over (a UI hops
 * to its own thread, coalesced).
 */
public interface ScanProgress {

    /** Does nothing and never cancels. */
    ScanProgress NONE = new ScanProgress() {
        @Override
        public void progress(int done, int total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** {@code done} of {@code total} processes read. */
    void progress(int done, int total);

    /** Polled between processes: true stops the scan (the report then says it was cancelled). */
    boolean cancelled();
}
