package io.herakles.procmem.ui.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentConnectionsTest {

    @Test
    void keepsSchemeHostPortAndPathOnly() {
        assertThat(RecentConnections.clean("HTTPS://admin:secret@db1.example:9215/herakles/?token=x#frag"))
                .contains("https://db1.example:9215/herakles");
        assertThat(RecentConnections.clean("http://10.0.0.7:9215/")).contains("http://10.0.0.7:9215");
    }

    @Test
    void refusesWhatIsNotAnHttpUrlWithAHost() {
        assertThat(RecentConnections.clean("ftp://db1")).isEmpty();
        assertThat(RecentConnections.clean("db1:9215")).isEmpty();
        assertThat(RecentConnections.clean("http://")).isEmpty();
        assertThat(RecentConnections.clean("  ")).isEmpty();
        assertThat(RecentConnections.clean(null)).isEmpty();
    }

    @Test
    void theLastUsedComesFirstOnceAndTheListIsCapped() {
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent = RecentConnections.add(recent, "http://h" + i + ":9215");
        }
        assertThat(recent).hasSize(RecentConnections.MAX).startsWith("http://h9:9215", "http://h8:9215");
        recent = RecentConnections.add(recent, "http://u:p@h5:9215/");
        assertThat(recent).hasSize(RecentConnections.MAX).startsWith("http://h5:9215", "http://h9:9215")
                .containsOnlyOnce("http://h5:9215");
        assertThat(RecentConnections.add(recent, "not a url")).isEqualTo(recent);
    }
}
