package io.herakles.procmem.ui.app;

import io.herakles.procmem.remote.RemoteStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The bar above the views while another machine's exporter cannot be read: what failed and since
 * when, when data last arrived (the views keep it, greyed), when the next attempt is due, and
 * "Back to this machine". Hidden (and taking no space) otherwise. FX thread only.
 */
final class RemoteBanner extends HBox {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label text = new Label();

    RemoteBanner(RemoteConnection connection) {
        setId("remoteBanner");
        getStyleClass().add("remote-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        setPadding(new Insets(6, 10, 6, 10));
        setStyle("-fx-background-color: #f8d7da; -fx-border-color: #f1aeb5; -fx-border-width: 0 0 1 0;");
        text.setId("remoteBannerText");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button back = new Button("Back to this machine");
        back.setId("remoteBannerBack");
        back.setOnAction(e -> connection.backToThisMachine());
        getChildren().addAll(text, back);
        visibleProperty().bind(connection.failing());
        managedProperty().bind(visibleProperty());
        connection.statusProperty().addListener((obs, old, s) -> text.setText(s == null ? "" : describe(s, Instant.now())));
    }

    /** One line: "db1:9215: connection refused — since 12:03:04; last data 12:02:58 (greyed); next try in 4 s". */
    static String describe(RemoteStatus s, Instant now) {
        StringBuilder b = new StringBuilder(s.message()).append(" — since ").append(CLOCK.format(s.since()));
        b.append(s.lastGood().map(t -> "; last data " + CLOCK.format(t) + " (shown greyed)").orElse("; no data yet"));
        s.nextAttempt().ifPresent(t -> b.append("; next try in ")
                .append(Math.max(0, Duration.between(now, t).toSeconds())).append(" s"));
        return b.toString();
    }
}
