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
    void skipsGroupsBecauseTheirTextMayBeOptional() {
        assertThat(RequiredLiteral.of("(^|/)chrome --type=")).isEqualTo("chrome --type=");
        assertThat(RequiredLiteral.of("idea\\.platform\\.prefix=(Python|PyCharm)")).isEqualTo("idea.platform.prefix=");
        assertThat(RequiredLiteral.of("^(\\S*/)?firefox(-esr|-bin)?( |$)")).isEqualTo("firefox");
        assertThat(RequiredLiteral.of("a(b(c)d)?efg")).isEqualTo("efg");
        assertThat(RequiredLiteral.of("a([)]x)bcd")).isEqualTo("bcd");
    }

    @Test
    void listsEveryRequiredRunLongestFirst() {
        assertThat(RequiredLiteral.all("com.sap")).containsExactly("com", "sap");
        assertThat(RequiredLiteral.all("org.apache.activemq")).containsExactly("activemq", "apache", "org");
        assertThat(RequiredLiteral.all("^(\\S*/)?node (\\S*/)?(npm|yarn)( |$)")).containsExactly("node ");
        assertThat(RequiredLiteral.all("a|b")).isEmpty();
    }

    @Test
    void knowsWhenEveryMatchStartsAtTheBeginning() {
        assertThat(RequiredLiteral.anchoredAtStart("^(\\S*/)?firefox(-esr|-bin)?( |$)")).isTrue();
        assertThat(RequiredLiteral.anchoredAtStart("^/usr/lib/apt/methods/")).isTrue();
        assertThat(RequiredLiteral.anchoredAtStart("^a|b")).isFalse();
        assertThat(RequiredLiteral.anchoredAtStart("(^a)")).isFalse();
        assertThat(RequiredLiteral.anchoredAtStart("x^")).isFalse();
        assertThat(RequiredLiteral.anchoredAtStart("^a(b")).isFalse();
    }

    @Test
    void givesUpOnWhatItDoesNotUnderstand() {
        assertThat(RequiredLiteral.of("foo|barbaz")).isEmpty();
        assertThat(RequiredLiteral.of("a(?i)firefox")).isEmpty();
        assertThat(RequiredLiteral.of("x(?i:firefox)")).isEmpty();
        assertThat(RequiredLiteral.of("abc)")).isEmpty();
        assertThat(RequiredLiteral.of("(?i)firefox")).isEmpty();
        assertThat(RequiredLiteral.of("\\Qa.b\\E")).isEmpty();
        assertThat(RequiredLiteral.of("ab[[c]]")).isEmpty();
    }

    /** Whatever it returns, every string the expression finds a match in contains it. */
    @Test
    void isNeverWrongOnSamples() {
        String[][] samples = {
            {"kotlin-daemons?x", "kotlin-daemonx"}, {"ab\\d+cdef", "ab12cdef"}, {"x.y", "xzy"},
            {"a+bc", "aaabc"}, {"abc[xyz]defg", "abcydefg"}, {"a\\sb", "a b"}, {"com.sap", "comXsap"},
            {"(^|/)chrome --type=", "/opt/chrome --type=gpu"}, {"a(b(c)d)?efg", "aefg"}, {"x(?:yz)?w", "xw"},
        };
        for (String[] s : samples) {
            assertThat(java.util.regex.Pattern.compile(s[0]).matcher(s[1]).find()).isTrue();
            assertThat(RequiredLiteral.all(s[0])).allSatisfy(literal -> assertThat(s[1]).contains(literal));
        }
    }
}
