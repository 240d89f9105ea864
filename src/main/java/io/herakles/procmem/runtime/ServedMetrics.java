package io.herakles.procmem.runtime;

import io.herakles.procmem.export.prometheus.ExporterServer;

/** A started exporter server and the address of its {@code /metrics}. */
public final class ServedMetrics implements AutoCloseable {

    private final ExporterServer server;
    private final String url;

    ServedMetrics(ExporterServer server) {
        this.server = server;
        String host = server.address().getAddress().getHostAddress();
        this.url = server.scheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/metrics";
    }

    /** Where it serves metrics, e.g. {@code http://127.0.0.1:9215/metrics}. */
    public String url() {
        return url;
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        server.close();
    }
}
