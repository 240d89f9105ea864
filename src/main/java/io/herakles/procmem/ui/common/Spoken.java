package io.herakles.procmem.ui.common;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What a screen reader says for a drawing: a canvas has no text nodes, so each custom view sets
 * its accessible text from its data ("Memory maps by kind: heap 812 MiB, …"). Stateless.
 */
public final class Spoken {

    private Spoken() {}

    /**
     * The {@code n} largest of {@code items} as "name size" pairs, largest first, joined by commas:
     * "heap 812 MiB, libraries 96.0 MiB".
     */
    public static <T> String largest(List<T> items, Function<T, String> name, ToLongFunction<T> bytes, int n) {
        return items.stream().sorted(Comparator.comparingLong(bytes).reversed()).limit(n)
                .map(t -> name.apply(t) + " " + Formats.bytes(bytes.applyAsLong(t)))
                .collect(Collectors.joining(", "));
    }
}
