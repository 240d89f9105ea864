package io.herakles.procmem.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small parser of the Prometheus text exposition format (0.0.4) as our exporter writes it, for
 * assertions on real {@code /metrics} output: samples with unescaped label values, and the HELP
 * and TYPE line of each family. Throws {@link IllegalArgumentException} on a line it cannot read, so
 * malformed output fails the test. Immutable.
 */
public final class Exposition {

    /** One sample line; label values are unescaped ({@code \\}, {@code \"}, {@code \n}). */
    public record Sample(String name, Map<String, String> labels, double value) {
        public String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;
    private final Map<String, String> help;
    private final Map<String, String> type;

    private Exposition(List<Sample> samples, Map<String, String> help, Map<String, String> type) {
        this.samples = List.copyOf(samples);
        this.help = Map.copyOf(help);
        this.type = Map.copyOf(type);
    }

    public static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> type = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] p = line.substring(7).split(" ", 2);
                help.put(p[0], p.length > 1 ? p[1] : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] p = line.substring(7).split(" ", 2);
                type.put(p[0], p.length > 1 ? p[1] : "");
            } else if (!line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new Exposition(samples, help, type);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** Family name → HELP text. */
    public Map<String, String> help() {
        return help;
    }

    /** Family name → TYPE. */
    public Map<String, String> type() {
        return type;
    }

    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sample of {@code name} whose label {@code key} equals {@code value}; at most one is expected. */
    public Optional<Sample> find(String name, String key, String value) {
        List<Sample> found = samples.stream()
                .filter(s -> s.name().equals(name) && value.equals(s.labels().get(key))).toList();
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " with " + key + "=" + value + ": " + found);
        }
        return found.stream().findFirst();
    }

    /** The value of an unlabelled family. */
    public Optional<Double> value(String name) {
        return samples(name).stream().filter(s -> s.labels().isEmpty()).map(Sample::value).findFirst();
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq);
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value not quoted: " + line);
                }
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        v.append(switch (n) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("bad escape \\" + n + " in " + line);
                        });
                    } else {
                        v.append(c);
                    }
                }
                labels.put(key, v.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException("no value: " + line);
        }
        String[] rest = line.substring(i + 1).trim().split(" ");
        return new Sample(name, labels, parseValue(rest[0], line));
    }

    private static double parseValue(String s, String line) {
        return switch (s) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad value in: " + line);
                }
            }
        };
    }
}
