package io.herakles.procmem.export.prometheus;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.OpenMetrics2TextFormatWriter;
import java.util.List;
import java.util.Locale;

/**
 * What a scraper asked for: client_java's writer for its {@code Accept} header (Prometheus text,
 * OpenMetrics, or protobuf), the name escaping it asked for, and gzip. The key of
 * {@link ScrapeBodies}. Immutable.
 */
record ScrapeFormat(ExpositionFormatWriter writer, EscapingScheme escaping, boolean gzip) {

    static ScrapeFormat negotiate(ExpositionFormats formats, String accept, List<String> acceptEncoding) {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        return new ScrapeFormat(writer, EscapingScheme.fromAcceptHeader(accept, EscapingScheme.DEFAULT),
                wantsGzip(acceptEncoding));
    }

    /**
     * Whether encoded bodies of this format may be kept: only the default name escaping (another
     * scheme per request would let one client fill the heap with variants), and not the
     * experimental OpenMetrics 2 writer, whose escaping default client_java decides by itself.
     */
    boolean cacheable() {
        return escaping == EscapingScheme.DEFAULT && !(writer instanceof OpenMetrics2TextFormatWriter);
    }

    ScrapeFormat uncompressed() {
        return gzip ? new ScrapeFormat(writer, escaping, false) : this;
    }

    /**
     * True when some {@code Accept-Encoding} entry is {@code gzip} with a quality above 0
     * ({@code gzip;q=0} means "not gzip"). Tokens are case-insensitive.
     */
    static boolean wantsGzip(List<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String header : acceptEncoding) {
            for (String entry : header.split(",")) {
                String[] parts = entry.split(";");
                if (parts[0].trim().toLowerCase(Locale.ROOT).equals("gzip") && quality(parts) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0; // a malformed weight: do not guess that the client wants gzip
                }
            }
        }
        return 1;
    }
}
