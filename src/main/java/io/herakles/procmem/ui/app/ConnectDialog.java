package io.herakles.procmem.ui.app;

import io.herakles.procmem.remote.RemoteException;
import io.herakles.procmem.remote.RemoteTarget;
import io.herakles.procmem.remote.TlsTrust;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * File → Connect to exporter…: the URL, an optional user and password, and how to trust an HTTPS
 * server — a CA file, or "trust this certificate" after "Show certificate" fetched it (on a
 * background thread, at most 5 s) and showed its SHA-256 fingerprint. "Remember" stores the
 * credentials for this host (mode 0600); "Recent" offers the URLs used before (without credentials).
 * FX thread only.
 */
final class ConnectDialog extends Dialog<ConnectRequest> {

    private final TextField url = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField caFile = new TextField();
    private final Label fingerprint = new Label();
    private final CheckBox trustShown = new CheckBox("Trust this certificate");
    private final CheckBox remember = new CheckBox("Remember user and password for this host (file readable only by you)");
    private String shownSha256;

    ConnectDialog(Window owner, List<String> recent) {
        initOwner(owner);
        setTitle("Connect to exporter");
        setHeaderText("Show another machine from its Herakles exporter (its /snapshot)");
        url.setId("connectUrl");
        url.setPromptText("http://server:9215");
        user.setId("connectUser");
        password.setId("connectPassword");
        caFile.setId("connectCaFile");
        caFile.setPromptText("PEM file (optional, for HTTPS)");
        fingerprint.setId("connectFingerprint");
        trustShown.setId("connectTrustShown");
        trustShown.setDisable(true);
        remember.setId("connectRemember");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificate file");
            File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                caFile.setText(f.getPath());
            }
        });
        Button show = new Button("Show certificate");
        show.setId("connectShowCertificate");
        show.setOnAction(e -> showCertificate());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("URL"), new HBox(6, url, recentChoice(recent)));
        grid.addRow(1, new Label("User"), user);
        grid.addRow(2, new Label("Password"), password);
        grid.addRow(3, new Label("CA file"), new HBox(6, caFile, browse));
        grid.addRow(4, show, fingerprint);
        grid.add(trustShown, 1, 5);
        grid.add(remember, 1, 6);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(url.textProperty().isEmpty());
        setResultConverter(button -> button == ButtonType.OK ? request() : null);
        Platform.runLater(url::requestFocus);
    }

    /** The recent URLs (never with credentials): picking one fills the URL field; hidden while there are none. */
    private ComboBox<String> recentChoice(List<String> recent) {
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(recent));
        choice.setId("connectRecent");
        choice.setPromptText("Recent");
        choice.setVisible(!recent.isEmpty());
        choice.setManaged(!recent.isEmpty());
        choice.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                url.setText(now);
            }
        });
        return choice;
    }

    private ConnectRequest request() {
        Optional<Path> ca = caFile.getText().isBlank() ? Optional.empty() : Optional.of(Path.of(caFile.getText().strip()));
        Optional<String> pin = trustShown.isSelected() && shownSha256 != null ? Optional.of(shownSha256) : Optional.empty();
        return new ConnectRequest(url.getText(), user.getText(), password.getText(), ca, pin, remember.isSelected());
    }

    private void showCertificate() {
        RemoteTarget target;
        try {
            target = RemoteTarget.parse(url.getText());
        } catch (RemoteException e) {
            fingerprint.setText(e.getMessage());
            return;
        }
        if (!target.https()) {
            fingerprint.setText("not an https:// URL");
            return;
        }
        fingerprint.setText("fetching…");
        Thread t = new Thread(() -> {
            String text;
            String sha = null;
            try {
                var cert = TlsTrust.peek(target.base(), Duration.ofSeconds(5));
                sha = TlsTrust.sha256(cert);
                text = "SHA-256 " + TlsTrust.colons(sha) + "\n" + cert.getSubjectX500Principal().getName();
            } catch (Exception e) {
                text = "cannot fetch the certificate: " + e.getMessage();
            }
            String shownText = text;
            String shownSha = sha;
            Platform.runLater(() -> {
                fingerprint.setText(shownText);
                shownSha256 = shownSha;
                trustShown.setDisable(shownSha == null);
                trustShown.setSelected(false);
            });
        }, "certificate-peek");
        t.setDaemon(true);
        t.start();
    }
}
