package io.herakles.procmem.ui.maps;

import io.herakles.procmem.model.maps.MappingFigure;
import io.herakles.procmem.ui.common.Formats;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The columns of the maps table: text columns, and byte columns that show binary units ("—" for a
 * figure the kernel did not print) and sort by the raw value, biggest first on the first click.
 * FX thread only.
 */
final class MapsColumns {

    private MapsColumns() {}

    /**
     * Shows the title as a label (the stylesheet hides a header's own text, which stays for
     * accessibility) carrying {@code help} as its tooltip when not empty.
     */
    static <C extends TableColumn<?, ?>> C titled(C column, String help) {
        Label label = new Label(column.getText());
        label.getStyleClass().add("column-title");
        if (!help.isEmpty()) {
            Tooltip tip = new Tooltip(help);
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            tip.setShowDelay(Duration.millis(300));
            label.setTooltip(tip);
        }
        column.setGraphic(label);
        return column;
    }

    private static String help(String id) {
        return switch (id) {
            case "rss" -> "Resident: pages of this mapping in RAM, shared ones counted in full";
            case "pss" -> "Proportional: resident pages, each shared page divided by the processes that map it";
            case "uss" -> "Unique: private clean + private dirty, what exiting would free";
            case "swappss" -> "Swapped-out pages, each shared one divided by the processes that map it";
            case "thp" -> "Anonymous memory in transparent huge pages";
            case "locked" -> "Pages locked in RAM (mlock)";
            case "count" -> "Mappings summed in this row";
            default -> "";
        };
    }

    static List<TableColumn<MapsRow, ?>> all() {
        return List.of(
                text("Kind", "kind", 90, r -> r.kind().label()),
                text("Name", "name", 300, MapsRow::name),
                text("Address", "address", 200, MapsRow::address),
                text("Perms", "perms", 50, MapsRow::perms),
                count(),
                bytes("Size", "size", r -> r.sizes().get(MappingFigure.SIZE)),
                bytes("RSS", "rss", r -> r.sizes().get(MappingFigure.RSS)),
                bytes("PSS", "pss", r -> r.sizes().get(MappingFigure.PSS)),
                bytes("USS", "uss", r -> OptionalLong.of(r.sizes().uss())),
                bytes("Swap", "swap", r -> r.sizes().get(MappingFigure.SWAP)),
                bytes("Swap PSS", "swappss", r -> r.sizes().get(MappingFigure.SWAP_PSS)),
                bytes("Locked", "locked", r -> r.sizes().get(MappingFigure.LOCKED)),
                bytes("THP", "thp", r -> r.sizes().get(MappingFigure.ANON_HUGE_PAGES)));
    }

    private static TableColumn<MapsRow, String> text(String title, String id, double width,
            Function<MapsRow, String> value) {
        TableColumn<MapsRow, String> c = new TableColumn<>(title);
        c.setId("maps-" + id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return titled(c, help(id));
    }

    private static TableColumn<MapsRow, Integer> count() {
        TableColumn<MapsRow, Integer> c = new TableColumn<>("Maps");
        c.setId("maps-count");
        c.setPrefWidth(50);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().mappings()));
        c.setSortType(TableColumn.SortType.DESCENDING);
        return titled(c, help("count"));
    }

    private static TableColumn<MapsRow, Long> bytes(String title, String id, Function<MapsRow, OptionalLong> value) {
        TableColumn<MapsRow, Long> c = new TableColumn<>(title);
        c.setId("maps-" + id);
        c.setPrefWidth(80);
        c.setCellValueFactory(f -> {
            OptionalLong v = value.apply(f.getValue());
            return new ReadOnlyObjectWrapper<>(v.isPresent() ? v.getAsLong() : null);
        });
        c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        c.setSortType(TableColumn.SortType.DESCENDING);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : Formats.bytes(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        return titled(c, help(id));
    }
}
