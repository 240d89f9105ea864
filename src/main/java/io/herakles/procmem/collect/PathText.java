package io.herakles.procmem.collect;

import java.nio.charset.StandardCharsets;

/**
 * Lossless text of a path column of {@code maps}/{@code smaps}: valid UTF-8 is decoded, the
 * kernel's escaped newline {@code \012} becomes a newline, and every byte that is not part of valid
 * UTF-8 becomes the four characters {@code \xNN}, so nothing is replaced by U+FFFD and two different
 * byte strings stay different. Stateless, thread-safe.
 */
final class PathText {

    private PathText() {}

    static String decode(byte[] b, int from, int to) {
        if (plainAscii(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(to - from + 8);
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c == '\\' && i + 3 < to && b[i + 1] == '0' && b[i + 2] == '1' && b[i + 3] == '2') {
                sb.append('\n');
                i += 4;
            } else if (c < 0x80) {
                sb.append((char) c);
                i++;
            } else {
                int n = utf8Length(b, i, to);
                if (n > 0) {
                    sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                    i += n;
                } else {
                    sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    i++;
                }
            }
        }
        return sb.toString();
    }

    private static boolean plainAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0 || b[i] == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Length of the valid UTF-8 sequence at {@code i} (2–4), or 0 when the bytes there are not one. */
    static int utf8Length(byte[] b, int i, int to) {
        int c = b[i] & 0xff;
        int n;
        int min;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > to) {
            return 0;
        }
        int cp = c & (0xff >> (n + 1));
        for (int k = 1; k < n; k++) {
            int cc = b[i + k] & 0xff;
            if ((cc & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (cc & 0x3f);
        }
        boolean surrogate = cp >= 0xd800 && cp <= 0xdfff;
        return cp < min || cp > 0x10ffff || surrogate ? 0 : n;
    }
}
