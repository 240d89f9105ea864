package io.herakles.procmem.engine;

import io.herakles.procmem.classify.Classification;
import io.herakles.procmem.classify.Classifier;
import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.ProcessSample;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the engine does to a live process, applied to a process loaded from a snapshot file
 * ({@code -t FILE}, as upstream's test-data mode): the name filters, {@code min_uss_kb} (known USS only) and a
 * fresh classification (the file's group/subgroup are ignored, as upstream). Immutable.
 */
public final class ReplayFilter implements Function<ProcessSample, Optional<ProcessSample>> {

    private final NameFilter names;
    private final long minUssBytes;
    private final Classifier classifier;

    public ReplayFilter(ExporterConfig config, Classifier classifier) {
        this.names = new NameFilter(config);
        this.minUssBytes = config.minUssKb() * 1024;
        this.classifier = classifier;
    }

    @Override
    public Optional<ProcessSample> apply(ProcessSample p) {
        if (!names.accepts(p.name())) {
            return Optional.empty();
        }
        if (p.ussBytes().isPresent() && p.ussBytes().getAsLong() < minUssBytes) {
            return Optional.empty();
        }
        Optional<Classification> c = classifier.classify(p.name(), p.cmdline());
        return c.map(k -> p.withGroup(k.group(), k.rule()));
    }
}
