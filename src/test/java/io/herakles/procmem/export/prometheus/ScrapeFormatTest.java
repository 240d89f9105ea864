package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeFormatTest {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init(PrometheusProperties.builder().build());

    @Test
    void gzipOnlyWhenAcceptedWithAPositiveWeight() {
        assertThat(ScrapeFormat.wantsGzip(List.of("gzip"))).isTrue();
        assertThat(ScrapeFormat.wantsGzip(List.of("deflate, GZIP;q=0.5"))).isTrue();
        assertThat(ScrapeFormat.wantsGzip(List.of("br", "gzip"))).isTrue();
        assertThat(ScrapeFormat.wantsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(ScrapeFormat.wantsGzip(List.of("gzip; q=0.0, identity"))).isFalse();
        assertThat(ScrapeFormat.wantsGzip(List.of("gzip;q=nonsense"))).isFalse();
        assertThat(ScrapeFormat.wantsGzip(List.of("x-gzip2, br"))).isFalse();
        assertThat(ScrapeFormat.wantsGzip(null)).isFalse();
    }

    @Test
    void acceptPicksTheWriterAndUnknownMeansText() {
        assertThat(ScrapeFormat.negotiate(FORMATS, "application/openmetrics-text; version=1.0.0", null)
                .writer().getContentType()).contains("openmetrics");
        for (String accept : new String[] {null, "", "application/x-nonsense", "*/*", ";;;=,"}) {
            ScrapeFormat f = ScrapeFormat.negotiate(FORMATS, accept, List.of("gzip"));
            assertThat(f.writer().getContentType()).as(accept).startsWith("text/plain");
            assertThat(f.gzip()).isTrue();
            assertThat(f.cacheable()).as(accept).isTrue();
            assertThat(f.uncompressed().gzip()).isFalse();
        }
    }

    @Test
    void anExplicitNameEscapingIsNotKept() {
        ScrapeFormat f = ScrapeFormat.negotiate(FORMATS, "text/plain; version=0.0.4; escaping=allow-utf-8", null);
        assertThat(f.cacheable()).isFalse();
    }
}
