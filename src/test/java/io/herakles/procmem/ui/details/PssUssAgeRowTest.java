package io.herakles.procmem.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.model.ProcessSample;
import io.herakles.procmem.ui.treemap.TestSnapshots;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PssUssAgeRowTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void theDetailsPaneSaysHowOldPssAndUssAre() {
        ProcessSample p = ProcessSample.builder(7, "x").rssBytes(1 << 20).pssBytes(1 << 19).ussBytes(1 << 18)
                .pssUssTime(NOW.minusSeconds(6)).build();
        ProcessHistory history = new ProcessHistory();
        history.record(TestSnapshots.snapshot(1, NOW, List.of(p)));
        DetailsViewModel vm = new DetailsViewModel(ZoneOffset.UTC);

        vm.show(p, history);

        assertThat(vm.memoryProperty().get()).contains(new DetailRow(PssUssAgeRow.LABEL, "6s ago"));
    }

    @Test
    void noLineWhenAbsentOrTheTimeIsUnknown() {
        List<DetailRow> rows = List.of(new DetailRow("RSS", "1 MiB"));
        ProcessSample unreadable = ProcessSample.builder(7, "x").pssUssTime(NOW).build();
        ProcessSample fromAFile = ProcessSample.builder(7, "x").pssBytes(5).ussBytes(4).build();
        assertThat(PssUssAgeRow.appendTo(rows, unreadable, NOW)).isEqualTo(rows);
        assertThat(PssUssAgeRow.appendTo(rows, fromAFile, NOW)).isEqualTo(rows);
    }
}
