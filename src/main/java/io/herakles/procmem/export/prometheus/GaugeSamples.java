package io.herakles.procmem.export.prometheus;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * The samples of one gauge family ({@link GaugeDefinition}) gathered during a scrape; emitted only
 * when it got at least one sample
 * (upstream omits empty families entirely, not even {@code # HELP}). Confined to the scraping thread.
 */
final class GaugeSamples {

    private final GaugeSnapshot.Builder builder;
    private int samples;

    GaugeSamples(GaugeDefinition definition) {
        builder = GaugeSnapshot.builder().name(definition.metricName()).help(definition.help());
    }

    void add(double value, Labels labels) {
        builder.dataPoint(GaugeDataPointSnapshot.builder().value(value).labels(labels).build());
        samples++;
    }

    void add(double value) {
        add(value, Labels.EMPTY);
    }

    /** Appends the built family to {@code out} unless it is empty. */
    void emitTo(List<MetricSnapshot> out) {
        if (samples > 0) {
            out.add(builder.build());
        }
    }
}
