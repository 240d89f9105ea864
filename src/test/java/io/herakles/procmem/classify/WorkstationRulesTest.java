package io.herakles.procmem.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.model.GroupKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in workstation rules: coverage of a desktop, and no change to upstream's results. */
class WorkstationRulesTest {

    private static final RuleSet UPSTREAM_RULES = RuleLoader.upstreamOnly().load();
    private static final RuleSet ALL_RULES = RuleLoader.withCustomFiles(List.of()).load();
    private static final RuleClassifier UPSTREAM = new RuleClassifier(UPSTREAM_RULES, ExporterConfig.defaults());
    private static final RuleClassifier ALL = new RuleClassifier(ALL_RULES, ExporterConfig.defaults());

    @Test
    void takesTheBuiltInSetPast140Subgroups() {
        assertThat(ALL_RULES.errors()).isEmpty();
        assertThat(ALL_RULES.subgroupCount()).isGreaterThan(140);
        assertThat(ALL_RULES.effectiveRules()).extracting(EffectiveRule::key)
                .contains(new GroupKey("browser", "firefox"), new GroupKey("ide", "intellij"),
                        new GroupKey("shell", "bash"), new GroupKey("audio", "pipewire"));
    }

    @Test
    void repeatsNoUpstreamPattern() {
        Set<String> upstream = new HashSet<>();
        RuleLoader.builtIn(RuleLoader.UPSTREAM_RESOURCE).definitions().forEach(d -> {
            upstream.addAll(d.matches());
            upstream.addAll(d.cmdlineMatches());
        });
        List<String> repeated = new ArrayList<>();
        for (RuleDefinition d : RuleLoader.builtIn(RuleLoader.WORKSTATION_RESOURCE).definitions()) {
            d.matches().stream().filter(upstream::contains).forEach(repeated::add);
            d.cmdlineMatches().stream().filter(upstream::contains).forEach(repeated::add);
            d.matches().stream().filter(p -> p.length() > NameIndex.COMM_BYTES)
                    .map(NameIndex::truncate).filter(upstream::contains).forEach(repeated::add);
        }
        assertThat(repeated).isEmpty();
    }

    /**
     * Each upstream pattern as a bare name, as argv[0] of a path, with typical arguments, and as
     * the kernel would truncate it.
     */
    @Test
    void upstreamResultsDoNotChange() {
        for (EffectiveRule rule : UPSTREAM_RULES.effectiveRules()) {
            for (String p : rule.allPatterns()) {
                // Truncation applies to process names, not to command-line expressions.
                String comm = rule.namePatterns().contains(p) ? NameIndex.truncate(p) : p;
                for (String cmdline : List.of("", p, "/usr/sbin/" + p + " --config /etc/" + p + ".conf")) {
                    for (String name : List.of(p, comm)) {
                        assertThat(ALL.classifyRaw(name, cmdline).group()).as("%s [%s]", name, cmdline)
                                .isEqualTo(UPSTREAM.classifyRaw(name, cmdline).group())
                                .isEqualTo(rule.key());
                    }
                }
            }
        }
    }

    @Test
    void upstreamCommandLineRulesStillWinOverLaunchers() {
        String[][] javaApps = {
            {"org.apache.catalina.startup.Bootstrap start", "web/tomcat"},
            {"-jar start.jar org.eclipse.jetty.start.Main", "web/jetty"},
            {"-cp app.jar org.springframework.boot.loader.JarLauncher", "web/springboot"},
            {"-Dweblogic.Name=AdminServer weblogic.Server", "web/weblogic"},
            {"-cp activemq.jar org.apache.activemq.console.Main start", "messaging/activemq"},
            {"com.ibm.ws.runtime.WSStart", "web/websphere"},
            {"com.sun.enterprise.glassfish.bootstrap.ASMain -domainname domain1", "web/glassfish"},
        };
        for (String[] app : javaApps) {
            String cmdline = "/usr/lib/jvm/java-17/bin/java -Xmx1g " + app[0];
            assertThat(ALL.classifyRaw("java", cmdline).group().toString()).as(cmdline).isEqualTo(app[1]);
        }
        assertThat(ALL.classifyRaw("bash", "/bin/bash /opt/tomcat/bin/catalina.sh run").group().toString())
                .isEqualTo("web/tomcat");
        assertThat(ALL.classifyRaw("java", "java -jar /srv/app.jar").group().toString()).isEqualTo("runtime/java");
    }

    private record Desktop(String name, String cmdline, String expected) {}

    /** Processes of a GNOME/KDE desktop with Firefox, Chrome, VS Code, IntelliJ and Slack running. */
    private static final List<Desktop> DESKTOP = List.of(
            new Desktop("systemd", "/sbin/init splash", "system/systemd"),
            new Desktop("systemd-logind", "/usr/lib/systemd/systemd-logind", "system/systemd"),
            new Desktop("dbus-daemon", "@dbus-daemon --system --address=systemd: --nofork --systemd-activation",
                    "system/dbus"),
            new Desktop("NetworkManager", "/usr/sbin/NetworkManager --no-daemon", "network/networkmanager"),
            new Desktop("wpa_supplicant", "/usr/sbin/wpa_supplicant -u -s -O DIR=/run/wpa_supplicant", "network/wifi"),
            new Desktop("gdm3", "/usr/sbin/gdm3", "display/gdm"),
            new Desktop("gdm-session-wor", "gdm-session-worker [pam/gdm-password]", "display/gdm"),
            new Desktop("gnome-shell", "/usr/bin/gnome-shell", "desktop/gnome_shell"),
            new Desktop("Xwayland", "/usr/bin/Xwayland :0 -rootless -noreset -accessx -core -auth /run/user/1000/.mutter",
                    "display/xwayland"),
            new Desktop("gnome-session-b", "/usr/libexec/gnome-session-binary --systemd-service --session=ubuntu",
                    "desktop/gnome_session"),
            new Desktop("gsd-power", "/usr/libexec/gsd-power", "desktop/gnome_settings"),
            new Desktop("gsd-media-keys", "/usr/libexec/gsd-media-keys", "desktop/gnome_settings"),
            new Desktop("pipewire", "/usr/bin/pipewire", "audio/pipewire"),
            new Desktop("wireplumber", "/usr/bin/wireplumber", "audio/wireplumber"),
            new Desktop("pipewire-pulse", "/usr/bin/pipewire-pulse", "audio/pipewire_pulse"),
            new Desktop("xdg-desktop-por", "/usr/libexec/xdg-desktop-portal", "desktop/portal"),
            new Desktop("xdg-desktop-por", "/usr/libexec/xdg-desktop-portal-gnome", "desktop/portal"),
            new Desktop("tracker-miner-f", "/usr/libexec/tracker-miner-fs-3", "desktop/tracker"),
            new Desktop("evolution-sourc", "/usr/libexec/evolution-source-registry", "desktop/evolution_data"),
            new Desktop("evolution-alarm", "/usr/libexec/evolution-data-server/evolution-alarm-notify",
                    "desktop/evolution_data"),
            new Desktop("gnome-keyring-d", "/usr/bin/gnome-keyring-daemon --daemonize --login",
                    "desktop/gnome_services"),
            new Desktop("gvfsd-fuse", "/usr/libexec/gvfsd-fuse /run/user/1000/gvfs -f", "desktop/gnome_services"),
            new Desktop("at-spi-bus-laun", "/usr/libexec/at-spi-bus-launcher --launch-immediately",
                    "desktop/accessibility"),
            new Desktop("ibus-daemon", "/usr/bin/ibus-daemon --panel disable", "desktop/input_method"),
            new Desktop("gnome-terminal-", "/usr/libexec/gnome-terminal-server", "terminal/gnome_terminal"),
            new Desktop("bash", "bash", "shell/bash"),
            new Desktop("firefox", "/usr/lib/firefox/firefox", "browser/firefox"),
            new Desktop("Isolated Web Co", "/usr/lib/firefox/firefox -contentproc -childID 12 -isForBrowser"
                    + " -prefsLen 31077 -prefMapSize 244787 -jsInitLen 231800 -parentBuildID 20240108 {1c7e} 4567 true tab",
                    "browser/firefox"),
            new Desktop("WebExtensions", "/usr/lib/firefox/firefox -contentproc -childID 2 -isForBrowser 4567 true tab",
                    "browser/firefox"),
            new Desktop("RDD Process", "/usr/lib/firefox/firefox -contentproc -parentBuildID 20240108 4567 true rdd",
                    "browser/firefox"),
            new Desktop("Socket Process", "/usr/lib/firefox/firefox -contentproc 4567 true socket", "browser/firefox"),
            new Desktop("chrome", "/opt/google/chrome/chrome", "browser/chrome"),
            new Desktop("chrome", "/opt/google/chrome/chrome --type=renderer --crashpad-handler-pid=12345"
                    + " --enable-crash-reporter=abc, --change-stack-guard-on-fork=enable --lang=en-US --num-raster-threads=4",
                    "browser/chrome"),
            new Desktop("chrome", "/opt/google/chrome/chrome --type=gpu-process --crashpad-handler-pid=12345"
                    + " --gpu-preferences=WAAAAAAAAAAgAAAEAAAAAAAAAAAAAAAAAABgAAEAAAA4AAAAAAAAAAAAAAAAAAAAABAAAAAAAAA=",
                    "browser/chrome"),
            new Desktop("chrome_crashpad", "/opt/google/chrome/chrome_crashpad_handler --monitor-self"
                    + " --monitor-self-annotation=ptype=crashpad-handler --database=/home/u/.config/google-chrome/Crash Reports",
                    "browser/chrome"),
            new Desktop("code", "/usr/share/code/code --type=zygote --no-zygote-sandbox", "ide/vscode"),
            new Desktop("code", "/usr/share/code/code --type=utility --utility-sub-type=node.mojom.NodeService"
                    + " --lang=en-US --service-sandbox-type=none", "ide/vscode"),
            new Desktop("node", "/home/u/.vscode-server/bin/8b3775030ed1a69b13e4f4c628c612102e30a681/node"
                    + " /home/u/.vscode-server/bin/8b3775030ed1a69b13e4f4c628c612102e30a681/out/server-main.js"
                    + " --start-server --host=127.0.0.1", "ide/vscode"),
            new Desktop("java", "/opt/idea-IU-241.14494.240/jbr/bin/java -classpath"
                    + " /opt/idea-IU-241.14494.240/lib/platform-loader.jar:/opt/idea-IU-241.14494.240/lib/util-8.jar"
                    + " -XX:ReservedCodeCacheSize=512m -Xms128m -Xmx2048m -XX:+UseG1GC"
                    + " -Djb.vmOptionsFile=/home/u/.config/JetBrains/IntelliJIdea2024.1/idea64.vmoptions"
                    + " -Djava.system.class.loader=com.intellij.util.lang.PathClassLoader"
                    + " -Didea.vendor.name=JetBrains -Didea.paths.selector=IntelliJIdea2024.1"
                    + " -Djna.boot.library.path=/opt/idea-IU-241.14494.240/lib/jna/amd64 com.intellij.idea.Main",
                    "ide/intellij"),
            new Desktop("idea", "/opt/idea-IU-243.21565.193/bin/idea", "ide/intellij"),
            new Desktop("java", "/home/u/.jdks/corretto-17/bin/java -Xmx384m -Dkotlin.environment.keepalive"
                    + " -cp /home/u/.gradle/caches/kotlin-compiler-embeddable-1.9.22.jar"
                    + " org.jetbrains.kotlin.daemon.KotlinCompileDaemon --daemon-runFilesPath /home/u/.local/share/kotlin/daemon",
                    "devtools/kotlin"),
            new Desktop("java", "/home/u/.jdks/corretto-17/bin/java --add-opens=java.base/java.util=ALL-UNNAMED"
                    + " -Xmx2g -Dfile.encoding=UTF-8 -cp /home/u/.gradle/wrapper/dists/gradle-8.5-bin/gradle-launcher-8.5.jar"
                    + " org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.5", "devtools/gradle"),
            new Desktop("fsnotifier", "/opt/idea-IU-241.14494.240/bin/fsnotifier", "ide/jetbrains_tools"),
            new Desktop("slack", "/usr/lib/slack/slack --type=renderer --enable-crash-reporter=a --app-path=/usr/lib/slack/resources/app.asar",
                    "chat/slack"),
            new Desktop("slack", "/usr/lib/slack/slack -s", "chat/slack"),
            new Desktop("spotify", "/usr/share/spotify/spotify", "media/spotify"),
            new Desktop("plasmashell", "/usr/bin/plasmashell --no-respawn", "desktop/kde_plasma"),
            new Desktop("kwin_wayland", "/usr/bin/kwin_wayland --wayland-fd 7 --socket wayland-0 --xwayland-fd 8",
                    "desktop/kwin"),
            new Desktop("konsole", "/usr/bin/konsole", "terminal/konsole"),
            new Desktop("baloo_file", "/usr/lib/x86_64-linux-gnu/libexec/baloo_file", "desktop/baloo"),
            new Desktop("kworker/u8:2-events_unbound", "", "system/kernel"),
            new Desktop("rcu_preempt", "", "system/kernel"),
            new Desktop("packagekitd", "/usr/libexec/packagekitd", "package/packagekit"),
            new Desktop("snapd", "/usr/lib/snapd/snapd", "package/snapd"),
            new Desktop("soffice.bin", "/usr/lib/libreoffice/program/soffice.bin --writer --splash-pipe=5",
                    "office/libreoffice"),
            new Desktop("thunderbird", "/usr/lib/thunderbird/thunderbird", "mail/thunderbird"),
            new Desktop("git", "git fetch origin", "devtools/git"),
            new Desktop("cc1", "/usr/libexec/gcc/x86_64-linux-gnu/13/cc1 -quiet -imultiarch x86_64-linux-gnu main.c",
                    "devtools/gcc"),
            new Desktop("ssh-agent", "/usr/bin/ssh-agent -D -a /run/user/1000/openssh_agent", "security/agents"),
            new Desktop("http", "/usr/lib/apt/methods/http", "package/apt"),
            new Desktop("update-notifier", "update-notifier", null),
            new Desktop("gnome-calculato", "/usr/bin/gnome-calculator --gapplication-service", null));

    @Test
    void aDesktopLandsInNamedSubgroups() {
        List<String> misses = new ArrayList<>();
        int named = 0;
        for (Desktop p : DESKTOP) {
            Classification c = ALL.classifyRaw(p.name(), p.cmdline());
            if (!c.group().isOther()) {
                named++;
            }
            if (p.expected() != null && !c.group().toString().equals(p.expected())) {
                misses.add(p.name() + " -> " + c.group() + " (expected " + p.expected() + ")");
            }
        }
        assertThat(DESKTOP).hasSizeGreaterThanOrEqualTo(40);
        assertThat(misses).isEmpty();
        assertThat(named * 100 / DESKTOP.size()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void ruleTextsSayHowADesktopProcessMatched() {
        assertThat(ALL.classifyRaw("Isolated Web Co", "").rule())
                .isEqualTo("name = Isolated Web Co (built-in workstation.toml)");
        assertThat(ALL.classifyRaw("gsd-power", "").rule()).isEqualTo("prefix gsd- (built-in workstation.toml)");
        assertThat(ALL.classifyRaw("x", "/opt/google/chrome/chrome --type=renderer").rule())
                .startsWith("cmdline ~ ^(\\S*/)?(google-chrome");
        assertThat(ALL.classifyRaw("xdg-desktop-por", "/usr/libexec/xdg-desktop-portal-gtk").rule())
                .isEqualTo("argv0 = xdg-desktop-portal-gtk (built-in workstation.toml)");
    }
}
