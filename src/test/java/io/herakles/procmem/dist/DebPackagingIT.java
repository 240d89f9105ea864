package io.herakles.procmem.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.dist.AlertRulesTest.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two {@code .deb} files built by {@code mvn -Pdist package}, read with {@code dpkg-deb}: the
 * desktop package has its launcher, desktop entry, icons and GTK dependency; the server package has
 * the systemd unit (accepted by {@code systemd-analyze verify}), the conffile, working maintainer
 * scripts and no GUI dependency, and its Depends cover every shared library it links against.
 * Disabled unless the {@code dist} profile passes {@code herakles.dist.dir}.
 */
@EnabledIfSystemProperty(named = "herakles.dist.dir", matches = ".+", disabledReason = "needs mvn -Pdist")
class DebPackagingIT {

    static final Path DIST = ServerImagePackagingIT.DIST;
    static final String VERSION = System.getProperty("herakles.version", "").replace("-SNAPSHOT", "");
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    @Test
    void desktopPackageHasLauncherDesktopEntryIconsAndGtk() throws Exception {
        Path deb = deb("herakles-proc-mem");

        String info = dpkgDeb("-I", deb.toString());
        assertThat(field(info, "Package")).isEqualTo("herakles-proc-mem");
        assertThat(field(info, "Depends")).contains("libgtk-3-0", "xdg-utils");
        assertThat(field(info, "Maintainer")).matches("[^<>]+ <[^<>]+@[^<>]+>");

        String contents = dpkgDeb("-c", deb.toString());
        assertThat(contents).contains("./opt/herakles-proc-mem/bin/herakles-proc-mem",
                "./opt/herakles-proc-mem/lib/app/herakles-proc-mem.jar",
                "./opt/herakles-proc-mem/lib/herakles-proc-mem-herakles-proc-mem.desktop");
        for (int size : ICON_SIZES) {
            assertThat(contents).contains("./opt/herakles-proc-mem/lib/icons/" + size + "x" + size + "/herakles-proc-mem.png");
        }

        String entry = extract(deb, "./opt/herakles-proc-mem/lib/herakles-proc-mem-herakles-proc-mem.desktop");
        assertThat(entry.lines()).contains("[Desktop Entry]", "Type=Application",
                "Exec=/opt/herakles-proc-mem/bin/herakles-proc-mem", "Icon=herakles-proc-mem", "Terminal=false");
        assertThat(entry).containsPattern("(?m)^Categories=.*System;").doesNotContain("APPLICATION_", "@");
        // JavaFX names the window's WM_CLASS after the Application subclass: it must still exist
        Matcher wmClass = Pattern.compile("(?m)^StartupWMClass=(.+)$").matcher(entry);
        assertThat(wmClass.find()).isTrue();
        try (JarFile jar = new JarFile(ServerImagePackagingIT.DESKTOP.resolve("lib/app/herakles-proc-mem.jar").toFile())) {
            assertThat(jar.getEntry(wmClass.group(1).replace('.', '/') + ".class")).as(wmClass.group(1)).isNotNull();
        }
    }

    @Test
    void bothPackagesCarryTheManPageAndTheBashCompletion() throws Exception {
        Path server = deb("herakles-proc-mem-server");
        assertThat(dpkgDeb("-c", server.toString())).contains("./usr/share/man/man1/herakles-proc-mem.1.gz",
                "./usr/share/bash-completion/completions/herakles-proc-mem");
        assertManPageAndCompletion(server, "./usr/share/man/man1/herakles-proc-mem.1.gz",
                "./usr/share/bash-completion/completions/herakles-proc-mem");

        Path desktop = deb("herakles-proc-mem");
        String inImage = "./opt/herakles-proc-mem/lib/share/";
        assertManPageAndCompletion(desktop, inImage + "man/man1/herakles-proc-mem.1.gz",
                inImage + "bash-completion/completions/herakles-proc-mem");
    }

    @Test
    void desktopPostinstLinksCommandManPageAndCompletionOnlyWhereNothingIs(@TempDir Path temp) throws Exception {
        Path control = temp.resolve("DEBIAN");
        dpkgDeb("-e", deb("herakles-proc-mem").toString(), control.toString());

        assertThat(Files.readString(control.resolve("postinst")))
                .contains("bin/herakles-proc-mem:/usr/bin/herakles-proc-mem")
                .contains("/usr/share/man/man1/herakles-proc-mem.1.gz", "/usr/share/bash-completion/completions/herakles-proc-mem")
                .contains("if [ ! -e \"$link\" ] && [ ! -L \"$link\" ]");
        // prerm removes only links into its own directory, never the server package's files
        assertThat(Files.readString(control.resolve("prerm"))).contains("/opt/herakles-proc-mem/*) rm -f \"$link\"");
    }

    private static void assertManPageAndCompletion(Path deb, String manPage, String completion) throws Exception {
        Result man = AlertRulesTest.run(List.of("sh", "-c",
                "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\" | gzip -dc", deb.toString(), manPage));
        assertThat(man.exitCode()).as(man.output()).isZero();
        assertThat(man.output()).startsWith(".TH \"HERAKLES\\-PROC\\-MEM\" 1").contains(".SS \"generate\\-testdata\"");
        assertThat(extract(deb, completion)).contains("complete -F", "generate-testdata", "--exporter");
    }

    @Test
    void desktopMaintainerScriptsInstallTheMenuEntryAndIcons(@TempDir Path temp) throws Exception {
        Path control = temp.resolve("DEBIAN");
        dpkgDeb("-e", deb("herakles-proc-mem").toString(), control.toString());

        assertScriptsParse(control);
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("xdg-desktop-menu install /opt/herakles-proc-mem/lib/herakles-proc-mem-herakles-proc-mem.desktop")
                .contains("xdg-icon-resource install").contains("/opt/herakles-proc-mem/lib/icons/")
                .doesNotContain("@APP_NAME@", "DESKTOP_COMMANDS_INSTALL");
        assertThat(Files.readString(control.resolve("prerm")))
                .contains("xdg-desktop-menu uninstall", "xdg-icon-resource uninstall");
    }

    @Test
    void serverPackageHasUnitConffileAndNoGuiDependency() throws Exception {
        Path deb = deb("herakles-proc-mem-server");

        String info = dpkgDeb("-I", deb.toString());
        assertThat(field(info, "Package")).isEqualTo("herakles-proc-mem-server");
        assertThat(field(info, "Version")).isEqualTo(VERSION + "-1");
        assertThat(field(info, "Depends")).contains("adduser").doesNotContain("gtk", "libx11", "libasound", "xdg-utils");

        String contents = dpkgDeb("-c", deb.toString());
        assertThat(contents).contains("./usr/lib/systemd/system/herakles-proc-mem.service", "./etc/herakles/config.yaml",
                "./opt/herakles-proc-mem-server/bin/herakles-proc-mem",
                "./opt/herakles-proc-mem-server/lib/app/herakles-proc-mem-server.jar",
                "./usr/bin/herakles-proc-mem -> /opt/herakles-proc-mem-server/bin/herakles-proc-mem");
        assertThat(contents).doesNotContain("javafx", "libglass", "libawt", ".desktop");

        Path control = Files.createTempDirectory("herakles-deb-control");
        dpkgDeb("-e", deb.toString(), control.toString());
        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/etc/herakles/config.yaml");
    }

    @Test
    void serverUnitRunsTheExporterUnprivilegedWithTwoCapabilities() throws Exception {
        String unit = extract(deb("herakles-proc-mem-server"), "./usr/lib/systemd/system/herakles-proc-mem.service");

        assertThat(unit.lines()).contains(
                "ExecStart=/opt/herakles-proc-mem-server/bin/herakles-proc-mem --exporter -c /etc/herakles/config.yaml",
                "Restart=always",
                "User=herakles",
                "AmbientCapabilities=CAP_SYS_PTRACE CAP_DAC_READ_SEARCH",
                "CapabilityBoundingSet=CAP_SYS_PTRACE CAP_DAC_READ_SEARCH",
                "WantedBy=multi-user.target");
        assertThat(unit).doesNotContain("@SERVER_", "@APP_NAME@", "MemoryDenyWriteExecute");
    }

    @Test
    void systemdAcceptsTheUnit(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("root");
        dpkgDeb("-x", deb("herakles-proc-mem-server").toString(), root.toString());
        // systemd-analyze checks that ExecStart exists, so point it at the extracted launcher
        String unit = Files.readString(root.resolve("usr/lib/systemd/system/herakles-proc-mem.service"))
                .replace("ExecStart=/opt/", "ExecStart=" + root + "/opt/");
        Path copy = temp.resolve("herakles-proc-mem.service");
        Files.writeString(copy, unit);

        Result verify = AlertRulesTest.run(List.of("systemd-analyze", "verify", copy.toString()));

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("warnings about the unit").doesNotContain("herakles-proc-mem.service");
    }

    @Test
    void serverMaintainerScriptsCreateTheUserAndManageTheService(@TempDir Path temp) throws Exception {
        Path control = temp.resolve("DEBIAN");
        dpkgDeb("-e", deb("herakles-proc-mem-server").toString(), control.toString());

        assertScriptsParse(control);
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("adduser --quiet --system --group", "deb-systemd-helper enable \"$UNIT\"",
                        "deb-systemd-invoke \"$action\" \"$UNIT\"")
                .doesNotContain("@");
        assertThat(Files.readString(control.resolve("prerm"))).contains("deb-systemd-invoke stop herakles-proc-mem.service");
        assertThat(Files.readString(control.resolve("postrm"))).contains("deb-systemd-helper purge \"$UNIT\"");
    }

    @Test
    void serverDependsCoverEverySharedLibraryOfTheImage(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("root");
        dpkgDeb("-x", deb("herakles-proc-mem-server").toString(), root.toString());
        Set<String> depends = Arrays.stream(field(dpkgDeb("-I", deb("herakles-proc-mem-server").toString()), "Depends")
                .split(",")).map(d -> d.trim().split("[ (]")[0]).collect(Collectors.toSet());

        Set<String> needed = new TreeSet<>();
        for (Path elf : elfFiles(root.resolve("opt"))) {
            Matcher lib = Pattern.compile("=> (/\\S+)").matcher(AlertRulesTest.run(List.of("ldd", elf.toString())).output());
            while (lib.find()) {
                Result owner = AlertRulesTest.run(List.of("dpkg", "-S", lib.group(1)));
                if (owner.exitCode() == 0) {
                    needed.add(owner.output().split(":")[0].trim());
                }
            }
        }

        assertThat(needed).contains("libc6").isSubsetOf(depends);
    }

    // ------------------------------------------------------------------------------------------

    static Path deb(String packageName) throws IOException {
        try (Stream<Path> files = Files.list(DIST)) {
            return files.filter(p -> p.getFileName().toString().matches(Pattern.quote(packageName) + "_[^_]+_[^_]+\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + packageName + "_*.deb in " + DIST));
        }
    }

    private static String dpkgDeb(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        Result result = AlertRulesTest.run(command);
        assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.output()).isZero();
        return result.output();
    }

    private static String extract(Path deb, String member) throws Exception {
        Result result = AlertRulesTest.run(List.of("sh", "-c",
                "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\"", deb.toString(), member));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }

    private static String field(String info, String name) {
        Matcher m = Pattern.compile("(?m)^ " + name + ": (.*)$").matcher(info);
        assertThat(m.find()).as("%s in\n%s", name, info).isTrue();
        return m.group(1).trim();
    }

    private static void assertScriptsParse(Path control) throws Exception {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Path file = control.resolve(script);
            assertThat(file).isExecutable();
            Result syntax = AlertRulesTest.run(List.of("sh", "-n", file.toString()));
            assertThat(syntax.exitCode()).as(script + ": " + syntax.output()).isZero();
        }
    }

    private static List<Path> elfFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(DebPackagingIT::isElf).collect(Collectors.toList());
        }
    }

    private static boolean isElf(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return new String(magic, StandardCharsets.ISO_8859_1).equals("\u007fELF");
        } catch (IOException e) {
            return false;
        }
    }
}
