package io.herakles.procmem.collect;

/** Decoding of {@code /proc/PID/cmdline} and {@code /proc/PID/comm}. Stateless. */
public final class Cmdline {

    private Cmdline() {}

    /**
     * NUL-separated arguments joined by single spaces; trailing NULs dropped; empty for kernel
     * threads. Invalid UTF-8 becomes U+FFFD.
     */
    public static String decode(byte[] b, int len) {
        int end = len;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        String s = Bytes.text(b, 0, end);
        return s.replace('\0', ' ');
    }

    /** The first argument's basename (text after the last {@code /}), the upstream fallback name. */
    public static String argv0Basename(byte[] b, int len) {
        int end = Bytes.indexOf(b, (byte) 0, 0, len);
        if (end < 0) {
            end = len;
        }
        int slash = Bytes.lastIndexOf(b, (byte) '/', 0, end);
        return Bytes.text(b, slash + 1, end);
    }

    /** {@code comm} text without its one trailing newline (other characters, even newlines, are kept). */
    public static String comm(byte[] b, int len) {
        int end = len > 0 && b[len - 1] == '\n' ? len - 1 : len;
        return Bytes.text(b, 0, end);
    }
}
