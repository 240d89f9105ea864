package io.herakles.procmem.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupFilterTitleTest {

    @Test
    void titleSaysWhatTheGroupFilterKeeps() {
        assertThat(ProcessTableView.groupTitle(List.of())).isEqualTo("All groups");
        assertThat(ProcessTableView.groupTitle(List.of("browser"))).isEqualTo("browser");
        assertThat(ProcessTableView.groupTitle(List.of("browser", "ide"))).isEqualTo("browser, ide");
        assertThat(ProcessTableView.groupTitle(List.of("browser", "ide", "db"))).isEqualTo("3 groups");
    }
}
