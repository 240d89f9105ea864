package io.herakles.procmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.testsupport.HeraklesLauncher.Result;
import java.util.List;

/** Shared assertions on what the real launcher printed. */
final class CliAssertions {

    private CliAssertions() {}

    /** A user mistake never shows a stack trace or an exception class name, on either stream. */
    static void assertNoStackTrace(Result r) {
        assertThat(r.stderr()).as(r.describe()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.stdout()).as(r.describe()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Failed with {@code code}, no stack trace, and exactly one stderr line containing every fragment. */
    static String assertFailsWithOneLine(Result r, int code, String... fragments) {
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(code);
        assertNoStackTrace(r);
        List<String> matching = r.stderrLines().stream()
                .filter(l -> List.of(fragments).stream().allMatch(l::contains)).toList();
        assertThat(matching).as("one stderr line containing %s\n%s", List.of(fragments), r.describe()).hasSize(1);
        return matching.get(0);
    }
}
