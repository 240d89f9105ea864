/**
 * The Prometheus exporter: {@link io.herakles.procmem.export.prometheus.SnapshotCollector} (one
 * {@code MultiCollector} converting the latest snapshot into upstream's metric families, no
 * {@code /proc} I/O on a scrape) and {@link io.herakles.procmem.export.prometheus.ExporterServer}
 * (HTTP(S) server with {@code /metrics}, {@code /health}, {@code /config}, {@code /doc} and the
 * caller's routes; TLS and basic auth). May import {@code model}, {@code config}, {@code health},
 * {@code io.prometheus}, {@code com.sun.net.httpserver}, Jackson and BouncyCastle.
 */
package io.herakles.procmem.export.prometheus;
