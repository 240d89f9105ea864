package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.config.ExporterConfig;
import io.herakles.procmem.remote.RemoteStatus;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.processes.ProcessRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Remote attach end to end: the packaged jar's exporter serving a snapshot file ({@code -t}) on
 * 127.0.0.1, the real desktop window (live engine of this machine, headless TestFX) connecting to
 * it: exactly the file's processes, the host in title and status bar, TLS and basic auth from a web
 * config file, and an exporter stopped and started again → banner with the last data greyed, then
 * recovery.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteDesktopIT {

    private static final int[] PIDS = {11, 222, 3333, 44444, 555555};
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private LiveDesktopServices services;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = new LiveDesktopServices(ExporterConfig.builder().build());
        services.setInterval(Duration.ofSeconds(1));
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(window::close);
        services.close();
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Path snapshotFile() throws Exception {
        StringBuilder json = new StringBuilder("{\"version\": \"1.0\", \"generated_at\": \"2026-12-01T10:00:00Z\", \"processes\": [");
        for (int i = 0; i < PIDS.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"pid\": ").append(PIDS[i]).append(", \"name\": \"remote-proc-")
                    .append(i).append("\", \"group\": \"other\", \"subgroup\": \"other\", \"rss\": ").append((i + 1) * 1048576L)
                    .append(", \"pss\": ").append((i + 1) * 524288L).append(", \"uss\": ").append((i + 1) * 262144L)
                    .append(", \"cpu_percent\": 1.5, \"cpu_time_seconds\": 10.0}");
        }
        return Files.writeString(dir.resolve("remote.json"), json.append("]}\n").toString(), StandardCharsets.UTF_8);
    }

    private HeraklesLauncher.Running exporter(int port, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--exporter", "--bind", "127.0.0.1", "-p", Integer.toString(port),
                "-t", snapshotFile().toString()));
        args.addAll(List.of(extra));
        HeraklesLauncher.Running r = new HeraklesLauncher(dir).start(args.toArray(String[]::new));
        toClose.add(r);
        return r;
    }

    private List<Integer> shownPids(FxRobot robot) throws Exception {
        TableView<ProcessRow> table = robot.lookup("#processTable").queryTableView();
        return onFx(() -> table.getItems().stream().map(ProcessRow::pid).sorted().toList());
    }

    /** Reads on the FX thread; generous, as a loaded build machine can hold the FX thread for long. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(read));
    }

    private static List<Integer> filePids() {
        return java.util.Arrays.stream(PIDS).boxed().toList();
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            RemoteStatus s = window.remote().statusProperty().get();
            throw new AssertionError("no " + what + " within " + WAIT + "; remote status: " + s);
        }
    }

    private String statusText(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#statusBar").queryAs(StatusBar.class).getText());
    }

    @Test
    void showsExactlyTheExportersProcessesNamesTheHostAndComesBack(FxRobot robot) throws Exception {
        int port = HttpProbe.freePort();
        HeraklesLauncher.Running exporter = exporter(port);
        HttpProbe.awaitOk(port, "/snapshot", WAIT, exporter.process()::isAlive, exporter::stderr);

        robot.interact(() -> window.connect(ConnectRequest.of("http://127.0.0.1:" + port)));
        await("remote processes", () -> shownPids(robot).equals(filePids()));

        String host = "127.0.0.1:" + port;
        assertThat(stage.getTitle()).contains(host);
        await("host in the status bar", () -> statusText(robot).startsWith(host));
        assertThat(robot.lookup("#processCount").queryAs(Label.class).getText()).isEqualTo(PIDS.length + " processes");
        assertThat(robot.lookup("#remoteBanner").query().isVisible()).isFalse();

        robot.clickOn("File").clickOn("#backToThisMachineItem");
        await("this machine's processes", () -> shownPids(robot).contains((int) ProcessHandle.current().pid()));
        assertThat(stage.getTitle()).doesNotContain(host);
        assertThat(services.remoteTarget()).isEmpty();
    }

    @Test
    void tlsAndBasicAuthFromAWebConfigThroughTheConnectDialog(FxRobot robot) throws Exception {
        Generated cert = TestCertificates.write(dir, "web", TestCertificates.ec(), KeyForm.PKCS8);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Files.writeString(dir.resolve("web.yml"), "tls_server_config:\n  cert_file: web.crt\n  key_file: web.key\n"
                + "basic_auth_users:\n  viewer: " + OpenBSDBCrypt.generate("2y", "look-only".toCharArray(), salt, 4)
                + "\n", StandardCharsets.UTF_8);
        int port = HttpProbe.freePort();
        exporter(port, "--web-config-file", "web.yml");

        dialogs.connectAnswer = new ConnectRequest("https://127.0.0.1:" + port, "viewer", "wrong",
                Optional.of(cert.certFile()), Optional.empty(), false);
        robot.clickOn("File").clickOn("#connectItem");
        await("a refusal", () -> {
            RemoteStatus s = window.remote().statusProperty().get();
            return s != null && s.state() == RemoteStatus.State.UNAUTHORIZED;
        });
        assertThat(robot.lookup("#remoteBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#remoteBannerText").queryAs(Label.class).getText()).contains("refused")
                .doesNotContain("wrong");

        dialogs.connectAnswer = new ConnectRequest("https://127.0.0.1:" + port, "viewer", "look-only",
                Optional.of(cert.certFile()), Optional.empty(), false);
        robot.clickOn("File").clickOn("#connectItem");
        await("remote processes over TLS", () -> shownPids(robot).equals(filePids()));
        await("the banner gone", () -> !robot.lookup("#remoteBanner").query().isVisible());
    }

    @Test
    void anExporterThatStopsShowsTheBannerOverGreyedDataThenRecovers(FxRobot robot) throws Exception {
        int port = HttpProbe.freePort();
        HeraklesLauncher.Running first = exporter(port);
        HttpProbe.awaitOk(port, "/snapshot", WAIT, first.process()::isAlive, first::stderr);
        robot.interact(() -> window.connect(ConnectRequest.of("127.0.0.1:" + port)));
        await("remote processes", () -> shownPids(robot).equals(filePids()));

        first.close();
        Node banner = robot.lookup("#remoteBanner").query();
        await("the banner", banner::isVisible);
        assertThat(robot.lookup("#remoteBannerText").queryAs(Label.class).getText())
                .contains("127.0.0.1:" + port).contains("last data");
        assertThat(robot.lookup("#mainSplit").query().getOpacity()).isLessThan(1.0);
        assertThat(shownPids(robot)).as("the last good data stays").isEqualTo(filePids());

        HeraklesLauncher.Running second = exporter(port);
        HttpProbe.awaitOk(port, "/snapshot", WAIT, second.process()::isAlive, second::stderr);
        await("recovery", () -> !banner.isVisible());
        assertThat(robot.lookup("#mainSplit").query().getOpacity()).isEqualTo(1.0);
        assertThat(window.remote().statusProperty().get().state()).isEqualTo(RemoteStatus.State.CONNECTED);
        assertThat(shownPids(robot)).isEqualTo(filePids());
    }
}
