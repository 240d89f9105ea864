package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class HttpServerLimitsTest {

    @Test
    void setsOurLimitsButKeepsWhatTheUserSet() {
        Properties p = new Properties();
        p.setProperty("sun.net.httpserver.maxReqTime", "99");
        HttpServerLimits.applyTo(p);
        assertThat(p.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("99");
        assertThat(p.getProperty("sun.net.httpserver.maxReqHeaderSize")).isEqualTo("16384");
        assertThat(p.getProperty("sun.net.httpserver.maxRspTime")).isEqualTo("60");
        assertThat(p.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        assertThat(p.stringPropertyNames()).containsAll(HttpServerLimits.DEFAULTS.keySet());
    }
}
