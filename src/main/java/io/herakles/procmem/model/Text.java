package io.herakles.procmem.model;

/** Text rules shared by every output of a snapshot. Stateless. */
public final class Text {

    private Text() {}

    /**
     * {@code s} with unpaired UTF-16 surrogates replaced by U+FFFD (they cannot be encoded as
     * UTF-8, and process names are arbitrary bytes); the same instance when it has none.
     */
    public static String withoutUnpairedSurrogates(String s) {
        int i = firstUnpaired(s);
        if (i < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnpaired(String s) {
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
