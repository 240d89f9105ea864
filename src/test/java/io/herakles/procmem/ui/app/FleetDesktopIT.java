package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.testsupport.HeraklesLauncher;
import io.herakles.procmem.testsupport.HttpProbe;
import io.herakles.procmem.testsupport.PrometheusServerFixture;
import io.herakles.procmem.ui.common.FxExecutor;
import io.herakles.procmem.ui.fleet.FleetHostRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Fleet tab end to end: three packaged exporters serving their own snapshot files as three
 * hosts, a real Prometheus scraping them, the window's Fleet tab on that Prometheus: three hosts
 * whose USS totals are their files' sums.
 */
@ExtendWith(ApplicationExtension.class)
class FleetDesktopIT {

    private static final int[] PROCESSES = {3, 5, 2};

    @TempDir
    Path dir;

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(services, new FakeDialogs(), FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        robot.interact(window::close);
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private static long uss(int host, int i) {
        return (host + 1) * 3_000_000L + i * 54_321L;
    }

    private Path file(int host) throws Exception {
        StringBuilder json = new StringBuilder("{\"version\": \"1.0\", \"generated_at\": \"2026-12-01T10:00:00Z\", \"processes\": [");
        for (int i = 0; i < PROCESSES[host]; i++) {
            json.append(i == 0 ? "" : ",").append("{\"pid\": ").append(1000 * (host + 1) + i)
                    .append(", \"name\": \"proc").append(i).append("\", \"group\": \"other\", \"subgroup\": \"other\"")
                    .append(", \"rss\": ").append(2 * uss(host, i)).append(", \"pss\": ").append(uss(host, i))
                    .append(", \"uss\": ").append(uss(host, i)).append(", \"cpu_percent\": 0, \"cpu_time_seconds\": 0}");
        }
        return Files.writeString(dir.resolve("h" + host + ".json"), json.append("]}\n").toString(), StandardCharsets.UTF_8);
    }

    @Test
    void threeHostsWithTheirFilesSums(FxRobot robot) throws Exception {
        assumeTrue(PrometheusServerFixture.available(), "prometheus not installed (CI installs it)");
        HeraklesLauncher herakles = new HeraklesLauncher(dir);
        Map<String, Long> expected = new TreeMap<>();
        PrometheusServerFixture.Builder b = PrometheusServerFixture.builder();
        for (int h = 0; h < PROCESSES.length; h++) {
            int port = HttpProbe.freePort();
            HeraklesLauncher.Running exporter = herakles.start("--exporter", "--bind", "127.0.0.1", "-p",
                    Integer.toString(port), "-t", file(h).toString());
            toClose.add(exporter);
            HttpProbe.awaitOk(port, "/metrics", Duration.ofSeconds(90), exporter.process()::isAlive, exporter::stderr);
            b.target("127.0.0.1:" + port);
            long sum = 0;
            for (int i = 0; i < PROCESSES[h]; i++) {
                sum += uss(h, i);
            }
            expected.put("127.0.0.1:" + port, sum);
        }
        PrometheusServerFixture prom = b.start();
        toClose.add(prom);
        prom.awaitValue("count(herakles_proc_mem_processes) == 3", Duration.ofSeconds(90));

        RemoteTarget target = RemoteTarget.parse("http://127.0.0.1:" + prom.port());
        robot.interact(() -> window.openFleet(target));
        TableView<FleetHostRow> table = robot.lookup("#fleetHosts").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        Map<String, Long> shown = new TreeMap<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> table.getItems().forEach(r -> shown.put(r.instance(), r.uss()))));
        assertThat(shown).isEqualTo(expected);
    }
}
