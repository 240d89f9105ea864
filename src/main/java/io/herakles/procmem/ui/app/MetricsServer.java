package io.herakles.procmem.ui.app;

/** A running embedded exporter started by {@link DesktopServices#startMetricsServer(int)}. */
public interface MetricsServer extends AutoCloseable {

    /** Where it serves metrics, e.g. {@code http://127.0.0.1:9215/metrics}. */
    String url();

    /** Stops serving; idempotent, never throws. */
    @Override
    void close();
}
