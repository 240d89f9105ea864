package io.herakles.procmem.export.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CmdlineExampleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "a|b|c => a",
        "(?:ab|cd)e => abe",
        "x(yz)?w => xw",
        "x[yz]*w => xw",
        "x(yz)+w => xyzw",
        "x(yz){2,3}w => xyzyzw",
        "x\\d{3} => x000",
        "x[a-z]{2} => xaa",
        "x[^/ ]y => xxy",
        "[^xyz] => a",
        "^a\\s+b\\S+$ => a bx",
        "a\\.b\\-c\\/d => a.b-c/d",
        "(?i)abc => abc",
        "(?<word>ab)c => abc",
        "(?<!x)a|b => a",
        "a(?=b)b => ab",
        "\\bfoo\\b => foo",
        "\\Qa.b|c\\E => a.b|c",
        "a+?b*+ => a",
        "[\\w.]+@[a-c] => x@a",
    })
    void regexExampleIsFoundByTheRegex(String regex, String example) {
        String text = RegexExample.of(regex);

        assertThat(text).isEqualTo(example);
        assertThat(java.util.regex.Pattern.compile(regex).matcher(text).find()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        // upstream's built-in cmdline_matches
        "org.apache.catalina.startup.Bootstrap => java => /usr/bin/java -Xmx512m org.apache.catalina.startup.Bootstrap",
        "com.sap => java => /usr/bin/java -Xmx512m com.sap",
        "weblogic.Server => java => /usr/bin/java -Xmx512m weblogic.Server",
        "/var/ossec/bin/wazuh => wazuh => /var/ossec/bin/wazuh",
        "catalina.sh => sh => /bin/sh catalina.sh",
        "wasadmin => wasadmin => wasadmin",
        // regexes as the README promises them
        "node.*myapp-frontend => node => node myapp-frontend",
        "^python3?\\s+-m\\s+celery$ => python3 => python3 -m celery",
        "^/opt/app/bin/very-long-binary-name\\d+ --serve => very-long-binar => /opt/app/bin/very-long-binary-name0 --serve",
        // the workstation rules: alternations, optional groups, classes
        "^(\\S*/)?firefox(-esr|-bin)?( |$) => firefox => firefox",
        "^(\\S*/)?(google-chrome(-stable|-beta|-unstable)?|chrome) .*--type= => google-chrome => google-chrome --type=",
        "^(\\S*/)?chromium(-browser)? .*--type= => chromium => chromium --type=",
        "idea\\.platform\\.prefix=(Python|PyCharm) => java => /usr/bin/java -Xmx512m -Didea.platform.prefix=Python",
        "/clion[^/ ]*/(bin|lib)/ => clion => /opt/clion/bin/clion",
        "/android-studio/(bin|lib|jbr)/ => android-studio => /opt/android-studio/bin/android-studio",
        "/\\.vscode-server/ => vscode-server => /opt/.vscode-server/vscode-server",
        "^/usr/lib/apt/methods/ => apt => /usr/lib/apt/methods/apt",
        "^/opt/docker-desktop/ => docker-desktop => /opt/docker-desktop/docker-desktop",
        "^(\\S*/)?node (\\S*/)?(npm|npx|yarn|pnpm)(-cli)?(\\.c?js)?( |$) => node => node npm",
        "tsserver\\.js => node => /usr/bin/node tsserver.js",
        "com\\.intellij\\.idea\\.Main => java => /usr/bin/java -Xmx512m com.intellij.idea.Main",
        "(unbalanced => (unbalanced => (unbalanced",
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
