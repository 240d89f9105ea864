package io.herakles.procmem.export.prometheus;

/**
 * Makes label values safe to encode. Quotes, backslashes and newlines are escaped by client_java's
 * writers; what they cannot fix is a Java string that is not valid UTF-16 (an unpaired surrogate,
 * which UTF-8 encoders turn into {@code ?}): those become U+FFFD, like every other undecodable byte.
 * Stateless.
 */
final class LabelValues {

    private LabelValues() {}

    static String clean(String value) {
        int bad = firstUnpairedSurrogate(value);
        if (bad < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                sb.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
