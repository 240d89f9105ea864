package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.herakles.procmem.remote.TlsTrust;
import io.herakles.procmem.testsupport.TestCertificates;
import io.herakles.procmem.testsupport.TestCertificates.Generated;
import io.herakles.procmem.testsupport.TestCertificates.KeyForm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Connect's "Show certificate" against a real HTTPS server on 127.0.0.1 with a fresh
 * self-signed certificate: the dialog shows its SHA-256 fingerprint, and ticking "Trust this
 * certificate" makes the request pin exactly that one.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    @TempDir
    Path dir;
    private Stage stage;
    private ConnectDialog dialog;
    private HttpsServer server;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private int httpsServer(Generated cert) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", cert.keys().getPrivate(), new char[0], new Certificate[] {cert.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }

    private String fingerprintShownAfterShowCertificate(FxRobot robot, String url) throws Exception {
        robot.interact(() -> {
            ((TextField) dialog.getDialogPane().lookup("#connectUrl")).setText(url);
            ((Button) dialog.getDialogPane().lookup("#connectShowCertificate")).fire();
        });
        Label shown = (Label) dialog.getDialogPane().lookup("#connectFingerprint");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> !shown.getText().equals("fetching\u2026") && !shown.getText().isEmpty()).get());
        return WaitForAsyncUtils.asyncFx(shown::getText).get();
    }

    @Test
    void showCertificateShowsTheServersFingerprintAndTrustingItPinsExactlyThatOne(FxRobot robot) throws Exception {
        Generated cert = TestCertificates.write(dir, "self", TestCertificates.ec(), KeyForm.PKCS8);
        int port = httpsServer(cert);
        robot.interact(() -> {
            dialog = new ConnectDialog(stage, List.of());
            dialog.show();
        });
        CheckBox trust = (CheckBox) dialog.getDialogPane().lookup("#connectTrustShown");
        assertThat(trust.isDisabled()).as("nothing shown yet, nothing to trust").isTrue();

        String sha = TlsTrust.sha256(cert.certificate());
        assertThat(fingerprintShownAfterShowCertificate(robot, "https://127.0.0.1:" + port))
                .startsWith("SHA-256 " + TlsTrust.colons(sha));

        robot.interact(() -> {
            trust.setSelected(true);
            ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
        });
        ConnectRequest request = dialog.getResult();
        assertThat(request.url()).isEqualTo("https://127.0.0.1:" + port);
        assertThat(request.pinnedSha256()).hasValue(sha);
    }

    @Test
    void whatCannotBeShownIsSaidWhereTheFingerprintWouldBe(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new ConnectDialog(stage, List.of());
            dialog.show();
        });
        assertThat(fingerprintShownAfterShowCertificate(robot, "http://127.0.0.1:9215")).isEqualTo("not an https:// URL");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThat(fingerprintShownAfterShowCertificate(robot, "https://127.0.0.1:" + closed))
                .startsWith("cannot fetch the certificate");
        CheckBox trust = (CheckBox) dialog.getDialogPane().lookup("#connectTrustShown");
        assertThat(trust.isDisabled()).isTrue();
        robot.interact(() -> ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire());
        assertThat(dialog.getResult().pinnedSha256()).as("nothing pinned").isEmpty();
    }
}
