package io.herakles.procmem.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A file size in bytes: {@code 200MB}, {@code 1.5GB}, {@code 512K}, {@code 200MiB}, a plain number
 * of bytes. K/M/G (with or without B, with or without i) are powers of 1024, as {@code ls -h} shows them.
 */
final class SizeConverter implements ITypeConverter<Long> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])i?b?|b)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("expected a size such as 200MB, 1.5GB or 512K, got '" + value + "'");
        }
        int power = m.group(2) == null ? 0 : "kmgt".indexOf(m.group(2)) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes < 1 || bytes > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("size out of range: '" + value + "'");
        }
        return Math.round(bytes);
    }
}
