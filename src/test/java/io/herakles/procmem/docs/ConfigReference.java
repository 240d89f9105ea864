package io.herakles.procmem.docs;

import io.herakles.procmem.config.ConfigKey;
import io.herakles.procmem.config.Range;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/CONFIG.md} from {@link ConfigKey}, the one table that declares every
 * configuration key, so the reference cannot drift from the code. {@link ConfigReferenceTest}
 * compares the file with this rendering and rewrites it on request ({@link #REGENERATE}).
 */
final class ConfigReference {

    /** The one command that rewrites docs/CONFIG.md after a key was added or changed. */
    static final String REGENERATE = "mvn -o -B -q test -Dtest=ConfigReferenceTest -Dherakles.writeDocs=true";

    private ConfigReference() {}

    static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Configuration reference\n\n");
        md.append("<!-- Generated from src/main/java/io/herakles/procmem/config/ConfigKey.java; do not edit.\n");
        md.append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n");
        md.append("""
                Every key can be set in the configuration file, in the environment and (for most keys) on the
                command line. Precedence: **flags > environment > file > defaults**.

                - **File**: the first found of `-c FILE`, `./herakles-proc-mem-exporter.{yaml,yml,json,toml}`,
                  `~/.config/herakles/config.yaml`, `/etc/herakles/config.yaml`,
                  `/etc/herakles/proc-mem-exporter.{yaml,yml,json,toml}`; `--no-config` ignores them all. The
                  format follows the extension (YAML otherwise). An unknown key, a value of the wrong type or a
                  missing `-c` file is a one-line error naming the file and line.
                - **Environment**: the variable in the table (`HERAKLES_` + the key in upper case); lists are
                  comma-separated, booleans `true`/`false`/`1`/`0`/`yes`/`no`.
                - **Aliases** are the other names upstream accepts for a key in files.
                - **Flags**: `herakles-proc-mem --help` lists them. Most are named after their key
                  (`--cache-ttl` sets `cache_ttl`, `--disable-health` sets `enable_health` to false);
                  upstream's exceptions are `--debug` (`enable_pprof`), `-t` (`test_data_file`),
                  `--tls-cert` and `--tls-key` (`tls_cert_path`, `tls_key_path`).
                - `herakles-proc-mem config --commented -o -` prints a file with every key and its default;
                  `--show-config` prints the effective values.

                """);
        md.append("| key | type | default | accepted | environment | aliases | what it does |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ConfigKey key : ConfigKey.values()) {
            md.append("| `").append(key.key()).append("` | ")
                    .append(key.expectedType()).append(" | ")
                    .append(defaultText(key.defaultValue())).append(" | ")
                    .append(key.range().map(ConfigReference::rangeText).orElse("")).append(" | `")
                    .append(key.envVar()).append("` | ")
                    .append(aliases(key.aliases())).append(" | ")
                    .append(cell(key.description())).append(" |\n");
        }
        return md.toString();
    }

    private static String defaultText(Object value) {
        if (value == null) {
            return "unset";
        }
        if (value instanceof List<?> list) {
            return "`[" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]`";
        }
        return "`" + value + "`";
    }

    /** "1 to 65535", "at least 0": what validation accepts for a number. */
    private static String rangeText(Range range) {
        return range.max().map(max -> range.min() + " to " + max).orElse("at least " + range.min())
                + range.unit().map(unit -> " (" + unit + ")").orElse("");
    }

    private static String aliases(List<String> aliases) {
        return aliases.isEmpty() ? "" : aliases.stream().map(a -> "`" + a + "`").collect(Collectors.joining(", "));
    }

    /** A table cell: a pipe would end the cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
