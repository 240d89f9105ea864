package io.herakles.procmem.ui.processes;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A column's formatted cell texts, remembered per value. Each refresh that re-sorts the table
 * hands every visible cell a different row, and each cell formats its value again; most values
 * did not change since the last tick, so their text is looked up instead of going through
 * {@link String#format} again (it showed up in the FX thread's profile of the apply benchmark).
 *
 * <p>Memory: at most {@link #MAX_ENTRIES} texts per column; when full it starts over, which costs
 * one round of formatting and keeps the values of processes that left from piling up.
 *
 * <p>FX thread only (the cells of one column share it).
 */
final class TextCache<T> implements Function<T, String> {

    static final int MAX_ENTRIES = 4096;

    private final Function<T, String> format;
    private final Map<T, String> texts = new HashMap<>();

    TextCache(Function<T, String> format) {
        this.format = format;
    }

    @Override
    public String apply(T value) {
        String text = texts.get(value);
        if (text == null) {
            if (texts.size() >= MAX_ENTRIES) {
                texts.clear();
            }
            text = format.apply(value);
            texts.put(value, text);
        }
        return text;
    }

    /** How many texts are remembered (for tests). */
    int size() {
        return texts.size();
    }
}
