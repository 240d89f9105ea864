package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

    @Test
    void findsTheLongestPlainRun() {
        assertThat(RequiredLiteral.of("org.apache.catalina.startup.Bootstrap")).isEqualTo("Bootstrap");
        assertThat(RequiredLiteral.of("com\\.intellij\\.idea\\.Main")).isEqualTo("com.intellij.idea.Main");
        assertThat(RequiredLiteral.of("node.*myapp-frontend")).isEqualTo("myapp-frontend");
        assertThat(RequiredLiteral.of("/var/ossec/bin/wazuh")).isEqualTo("/var/ossec/bin/wazuh");
        assertThat(RequiredLiteral.of("--type=renderer")).isEqualTo("--type=renderer");
    }

    @Test
    void optionalCharactersEndARun() {
        assertThat(RequiredLiteral.of("kotlin-daemons?x")).isEqualTo("kotlin-daemon");
        assertThat(RequiredLiteral.of("abcdx*yz")).isEqualTo("abcd");
        assertThat(RequiredLiteral.of("abcdx{0,2}yz")).isEqualTo("abcd");
        assertThat(RequiredLiteral.of("ab\\d+cdef")).isEqualTo("cdef");
        assertThat(RequiredLiteral.of("abc[xyz]defg")).isEqualTo("defg");
    }

    @Test
    void givesUpOnWhatItDoesNotUnderstand() {
        assertThat(RequiredLiteral.of("(^|/)chrome --type=")).isEmpty();
        assertThat(RequiredLiteral.of("foo|barbaz")).isEmpty();
        assertThat(RequiredLiteral.of("(?i)firefox")).isEmpty();
        assertThat(RequiredLiteral.of("\\Qa.b\\E")).isEmpty();
        assertThat(RequiredLiteral.of("ab[[c]]")).isEmpty();
    }

    /** Whatever it returns, every string the expression finds a match in contains it. */
    @Test
    void isNeverWrongOnSamples() {
        String[][] samples = {
            {"kotlin-daemons?x", "kotlin-daemonx"}, {"ab\\d+cdef", "ab12cdef"}, {"x.y", "xzy"},
            {"a+bc", "aaabc"}, {"abc[xyz]defg", "abcydefg"}, {"a\\sb", "a b"},
        };
        for (String[] s : samples) {
            assertThat(java.util.regex.Pattern.compile(s[0]).matcher(s[1]).find()).isTrue();
            assertThat(s[1]).contains(RequiredLiteral.of(s[0]));
        }
    }
}
