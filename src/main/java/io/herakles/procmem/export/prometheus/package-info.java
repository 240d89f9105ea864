/** The Prometheus exporter: one {@code MultiCollector} over the latest snapshot, the HTTP(S) server and its endpoints. May import {@code model}, {@code config}, {@code health} and {@code io.prometheus}. */
package io.herakles.procmem.export.prometheus;
