package io.herakles.procmem.export.recording;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One instance of each text the samples of a recording hold (process names, command lines, users,
 * groups, rules), shared by all the samples decoded from it. The same processes are in keyframe
 * after keyframe, and every decode made new strings for them: half of a decoded sample's memory.
 * Kept states then share them, and a timeline jump's new strings die young instead of being
 * promoted with the sample (fewer and shorter full collections in the desktop's small heap).
 * At most {@link #MAX_TEXTS} texts; past that the pool starts again (only sharing is lost).
 * Thread-safe.
 */
final class TextPool implements UnaryOperator<String> {

    static final int MAX_TEXTS = 1 << 16;

    private final ConcurrentHashMap<String, String> texts = new ConcurrentHashMap<>();

    @Override
    public String apply(String text) {
        String kept = texts.putIfAbsent(text, text);
        if (kept != null) {
            return kept;
        }
        if (texts.size() > MAX_TEXTS) {
            texts.clear();
        }
        return text;
    }
}
