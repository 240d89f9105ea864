package io.herakles.procmem.export.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CmdlineExampleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // upstream's built-in cmdline_matches
        "org.apache.catalina.startup.Bootstrap | java     | /usr/bin/java -Xmx512m org.apache.catalina.startup.Bootstrap",
        "com.sap                               | java     | /usr/bin/java -Xmx512m com.sap",
        "weblogic.Server                       | java     | /usr/bin/java -Xmx512m weblogic.Server",
        "/var/ossec/bin/wazuh                  | wazuh    | /var/ossec/bin/wazuh",
        "catalina.sh                           | sh       | /bin/sh catalina.sh",
        "wasadmin                              | wasadmin | wasadmin",
        // regexes as the README promises them
        "node.*myapp-frontend                  | node     | node myapp-frontend",
        "^python3?\\s+-m\\s+celery$            | python3  | python3 -m celery",
        "^/opt/app/bin/very-long-binary-name\\d+ --serve | very-long-binar | /opt/app/bin/very-long-binary-name1 --serve",
        "(unbalanced                           | (unbalanced | (unbalanced",
    })
    void givesABinaryAndACommandLineTheRegexFinds(String pattern, String name, String cmdline) {
        CmdlineExample e = CmdlineExample.forPattern(pattern);

        assertThat(e.name()).isEqualTo(name);
        assertThat(e.cmdline()).isEqualTo(cmdline);
        if (!pattern.startsWith("(")) {
            assertThat(CmdlineExample.matches(pattern, e.cmdline())).isTrue();
        }
    }
}
