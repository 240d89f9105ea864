package io.herakles.procmem.export.prometheus;

import io.herakles.procmem.model.Text;

/**
 * Makes label values safe to encode. Quotes, backslashes and newlines are escaped by client_java's
 * writers; what they cannot fix is a Java string that is not valid UTF-16 (an unpaired surrogate,
 * which UTF-8 encoders turn into {@code ?}): those become U+FFFD, like every other undecodable byte.
 * Stateless.
 */
final class LabelValues {

    private LabelValues() {}

    static String clean(String value) {
        return Text.withoutUnpairedSurrogates(value);
    }
}
