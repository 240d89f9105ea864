package io.herakles.procmem.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.dist.AlertRulesTest.Result;
import io.herakles.procmem.testsupport.Poll;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app images built by {@code mvn -Pdist package}, run from their installed layout: the server
 * image's launcher answers {@code --version} and {@code check --all}, validates the shipped
 * {@code /etc/herakles/config.yaml} and serves {@code /metrics} with that config; the server jar and
 * runtime carry nothing of the desktop; the desktop image has JavaFX linked in as modules.
 * Disabled unless the {@code dist} profile passes {@code herakles.dist.dir}.
 */
@EnabledIfSystemProperty(named = "herakles.dist.dir", matches = ".+", disabledReason = "needs mvn -Pdist")
class ServerImagePackagingIT {

    static final Path DIST = Path.of(System.getProperty("herakles.dist.dir", "target/dist"));
    static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    static final Path SERVER = DIST.resolve("image/server/herakles-proc-mem");
    static final Path DESKTOP = DIST.resolve("image/desktop/herakles-proc-mem");
    static final Path LAUNCHER = SERVER.resolve("bin/herakles-proc-mem");
    static final Path SHIPPED_CONFIG = BASEDIR.resolve("jpackage/server/root/etc/herakles/config.yaml");
    static final Duration FIRST_METRICS_WITHIN = Duration.ofSeconds(120);

    @Test
    void versionNamesTheProjectVersion() throws Exception {
        Result version = launch(List.of("--version"), List.of());

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("herakles-proc-mem " + System.getProperty("herakles.version"));
    }

    @Test
    void checkAllPassesFromTheInstalledLayout() throws Exception {
        Result check = launch(List.of("check", "--all"), List.of());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("All checks passed");
    }

    @Test
    void theShippedConfigFileIsValid() throws Exception {
        Result check = launch(List.of("--check-config", "-c", SHIPPED_CONFIG.toString()), List.of());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("Configuration is valid");
    }

    @Test
    void askingTheServerPackageForTheDesktopSaysSo() throws Exception {
        Result gui = launch(List.of(), List.of("DISPLAY=:99"));

        assertThat(gui.exitCode()).as(gui.output()).isNotZero();
        assertThat(gui.output()).contains("no desktop app").doesNotContain("Exception");
    }

    @Test
    void exporterServesMetricsWithTheShippedConfig(@TempDir Path temp) throws Exception {
        int port = freePort();
        Path log = temp.resolve("exporter.log");
        List<String> command = List.of(LAUNCHER.toString(), "--exporter", "-c", SHIPPED_CONFIG.toString(),
                "--bind", "127.0.0.1", "-p", Integer.toString(port), "--cache-ttl", "1");
        long started = System.nanoTime();
        Process exporter = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
            String first = scrapeUntil(metrics, exporter, log, body -> COLLECTED.matcher(body).find());
            System.out.printf("server image: first good /metrics after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            assertThat(first).contains("herakles_proc_mem_processes").contains("herakles_proc_mem_rss_bytes{");
            // The dashboard's and the alerts' names are what the packaged exporter really serves
            // (some families appear only from the second collection on, hence the polling).
            Set<String> wanted = new TreeSet<>(DashboardRulesTest.dashboardMetricNames());
            for (String expr : AlertRulesTest.alertExpressions()) {
                wanted.addAll(AlertRulesTest.metricNames(expr));
            }
            wanted.remove("up");
            String later = scrapeUntil(metrics, exporter, log, body -> missing(wanted, body).isEmpty());
            assertThat(missing(wanted, later)).isEmpty();
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(30, TimeUnit.SECONDS)) {
                exporter.destroyForcibly();
            }
        }
    }

    @Test
    void serverJarCarriesNothingOfTheDesktop() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(DIST.resolve("server-input/herakles-proc-mem-server.jar").toFile())) {
            entries = Collections.list(jar.entries()).stream().map(JarEntry::getName).collect(Collectors.toList());
        }

        assertThat(entries).contains("io/herakles/procmem/Main.class", "io/herakles/procmem/cli/HeraklesCli.class");
        assertThat(entries).noneMatch(name -> name.startsWith("javafx/") || name.startsWith("com/sun/javafx/")
                || name.startsWith("com/sun/glass/") || name.startsWith("com/sun/prism/")
                || name.startsWith("org/controlsfx/") || name.startsWith("eu/hansolo/")
                || name.startsWith("io/herakles/procmem/ui/") || name.endsWith(".so"));
    }

    @Test
    void serverRuntimeHasNeitherJavaFxNorAwt() throws IOException {
        String modules = runtimeModules(SERVER);

        assertThat(modules).contains("java.base", "jdk.httpserver", "jdk.crypto.ec")
                .doesNotContain("javafx.", "java.desktop");
        assertThat(Files.readString(SERVER.resolve("lib/app/herakles-proc-mem.cfg")))
                .contains("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void desktopImageHasJavaFxInItsRuntimeAndOurJarsOnTheClassPath() throws IOException {
        assertThat(runtimeModules(DESKTOP)).contains("javafx.controls", "javafx.graphics", "javafx.base");
        try (var files = Files.list(DESKTOP.resolve("lib/app"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            assertThat(names).contains("herakles-proc-mem.jar", "controlsfx-11.2.2.jar")
                    .noneMatch(name -> name.startsWith("javafx-"));
        }
        assertThat(Files.readString(DESKTOP.resolve("lib/app/herakles-proc-mem.cfg")))
                .contains("app.mainclass=io.herakles.procmem.Main", "-XX:+UseSerialGC", "-Xmx256m");
    }

    // ------------------------------------------------------------------------------------------

    private static final Pattern COLLECTED =
            Pattern.compile("(?m)^herakles_proc_mem_cache_update_success(\\{})? 1(\\.0)?$");

    private static Result launch(List<String> args, List<String> env) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add("-u");
        command.add("DISPLAY");
        command.add("-u");
        command.add("WAYLAND_DISPLAY");
        command.addAll(env);
        command.add(LAUNCHER.toString());
        command.addAll(args);
        return AlertRulesTest.run(command);
    }

    private static String runtimeModules(Path image) throws IOException {
        return Files.readAllLines(image.resolve("lib/runtime/release")).stream()
                .filter(line -> line.startsWith("MODULES="))
                .findFirst()
                .orElseThrow();
    }

    private static Set<String> missing(Set<String> names, String body) {
        Set<String> missing = new TreeSet<>(names);
        body.lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(missing::remove);
        return missing;
    }

    private static String scrapeUntil(URI uri, Process exporter, Path log, java.util.function.Predicate<String> done)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String[] last = {""};
        return Poll.atMost(FIRST_METRICS_WITHIN).every(Duration.ofMillis(200)).until("satisfying /metrics answer", () -> {
            if (!exporter.isAlive()) {
                throw new AssertionError("exporter exited with " + exporter.exitValue() + ":\n" + Files.readString(log));
            }
            // an IOException: the JVM is still starting
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                last[0] = response.body();
                return done.test(last[0]) ? Optional.of(last[0]) : Optional.empty();
            }
            return Optional.empty();
        }, () -> "last body:\n" + last[0] + "\nlog:\n" + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
