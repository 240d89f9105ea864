package io.herakles.procmem.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.fleet.Fleet;
import io.herakles.procmem.ui.treemap.Rect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The label filter, the rows and the treemap layout, without a window. */
class FleetViewModelTest {

    static Fleet.Host host(String instance, String job, Map<String, String> labels, long... uss) {
        List<Fleet.Subgroup> subs = new ArrayList<>();
        for (int i = 0; i < uss.length; i++) {
            subs.add(new Fleet.Subgroup("g" + (i % 3), "s" + i, OptionalLong.of(uss[i]), OptionalLong.empty(),
                    OptionalLong.of(2 * uss[i])));
        }
        return new Fleet.Host(job, instance, labels, OptionalDouble.of(1), uss.length, OptionalLong.empty(),
                OptionalLong.empty(), OptionalDouble.empty(), subs, Optional.empty(), Optional.empty(),
                Fleet.Host.guessedExporterUrl(instance));
    }

    private static final Fleet FLEET = new Fleet("http://prom:9090/", Instant.EPOCH, List.of(
            host("db1:9215", "herakles", Map.of("env", "prod", "dc", "fra"), 300, 200),
            host("db2:9215", "herakles", Map.of("env", "test", "dc", "fra"), 50),
            host("web1:9215", "edge", Map.of("env", "prod", "dc", "ams"), 70, 10, 5)));

    private static List<String> shown(FleetViewModel vm) {
        return vm.rows().stream().map(FleetHostRow::instance).toList();
    }

    @Test
    void everyTermMustHold() {
        FleetViewModel vm = new FleetViewModel();
        vm.show(FLEET, "3 hosts");
        assertThat(shown(vm)).containsExactly("db1:9215", "db2:9215", "web1:9215");
        vm.filterProperty().set("env=prod");
        assertThat(shown(vm)).containsExactly("db1:9215", "web1:9215");
        vm.filterProperty().set("env=prod job=herakles");
        assertThat(shown(vm)).containsExactly("db1:9215");
        vm.filterProperty().set("instance~DB");
        assertThat(shown(vm)).containsExactly("db1:9215", "db2:9215");
        vm.filterProperty().set("ams");
        assertThat(shown(vm)).containsExactly("web1:9215");
        vm.filterProperty().set("env=pro");
        assertThat(shown(vm)).as("= is equality").isEmpty();
        assertThat(vm.shownHostsProperty().get()).isEmpty();
        vm.filterProperty().set("");
        assertThat(vm.shownHostsProperty().get()).hasSize(3);
    }

    @Test
    void aFailedReadKeepsTheLastFleetAndSaysWhy() {
        FleetViewModel vm = new FleetViewModel();
        vm.show(FLEET, "3 hosts");
        vm.failed("cannot reach Prometheus at prom:9090: connection refused");
        assertThat(vm.statusProperty().get()).contains("connection refused");
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void aRefreshWithTheSameHostsUpdatesTheRowsInPlaceAndKeepsTheTableOrder() {
        FleetViewModel vm = new FleetViewModel();
        vm.show(FLEET, "3 hosts");
        vm.setOrder(java.util.Comparator.comparing(FleetHostRow::uss).reversed());
        List<FleetHostRow> before = List.copyOf(vm.rows());
        assertThat(vm.shownRows()).extracting(FleetHostRow::instance).containsExactly("db1:9215", "web1:9215", "db2:9215");
        List<Object> changes = new ArrayList<>();
        vm.shownRows().addListener((javafx.collections.ListChangeListener<FleetHostRow>) c -> {
            while (c.next()) {
                changes.add(c.wasPermutated() ? "permutation" : c.wasReplaced() ? "replaced" : "added/removed");
            }
        });

        // db2 grows past everyone: same hosts, new figures
        Fleet grown = new Fleet(FLEET.source(), Instant.EPOCH, List.of(FLEET.hosts().get(0),
                host("db2:9215", "herakles", Map.of("env", "test", "dc", "fra"), 900), FLEET.hosts().get(2)));
        vm.show(grown, "3 hosts");
        assertThat(vm.rows()).as("the same row objects").containsExactlyElementsOf(before);
        assertThat(vm.rows().get(1).uss()).isEqualTo(900L);
        assertThat(vm.shownRows()).extracting(FleetHostRow::instance).containsExactly("db2:9215", "db1:9215", "web1:9215");
        assertThat(changes).as("one re-sort, no new rows").containsExactly("permutation");

        changes.clear();
        vm.show(grown, "3 hosts");
        assertThat(changes).as("still in order: no change at all").isEmpty();

        Fleet fewer = new Fleet(FLEET.source(), Instant.EPOCH, List.of(FLEET.hosts().get(0), FLEET.hosts().get(2)));
        vm.show(fewer, "2 hosts");
        assertThat(vm.shownRows()).extracting(FleetHostRow::instance).containsExactly("db1:9215", "web1:9215");
        assertThat(vm.rows().get(0)).as("other hosts: new rows").isNotSameAs(before.get(0));
    }

    @Test
    void aRowTakesOnlyANewReadOfItsOwnHost() {
        FleetHostRow row = new FleetHostRow(FLEET.hosts().get(0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> row.show(FLEET.hosts().get(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db2:9215");
    }

    @Test
    void rowsShowAbsentAsNullAndTheLargestSubgroups() {
        FleetHostRow row = new FleetHostRow(FLEET.hosts().get(2));
        assertThat(row.uss()).isEqualTo(85L);
        assertThat(row.memoryTotal()).isNull();
        assertThat(row.cpuCores()).isNull();
        assertThat(row.largest()).startsWith("g0/s0 70 B");
        assertThat(row.up()).isEqualTo("yes");
    }

    @Test
    void treemapAreasFollowTheTotalsAndNestHostGroupSubgroup() {
        Rect bounds = new Rect(0, 0, 800, 600);
        List<FleetCell> cells = FleetTreemapLayout.layout(FLEET.hosts(), Fleet.Kind.USS, bounds);
        List<FleetCell> hosts = cells.stream().filter(c -> c.depth() == 0).toList();
        assertThat(hosts).extracting(FleetCell::instance).containsExactlyInAnyOrder("db1:9215", "db2:9215", "web1:9215");
        double total = 300 + 200 + 50 + 70 + 10 + 5;
        for (FleetCell h : hosts) {
            assertThat(h.rect().area() / bounds.area()).isCloseTo(h.bytes() / total, org.assertj.core.data.Offset.offset(1e-9));
            for (FleetCell c : cells) {
                if (c.depth() > 0 && c.instance().equals(h.instance())) {
                    assertThat(h.rect().contains(c.rect().x(), c.rect().y())).isTrue();
                }
            }
        }
        assertThat(cells.stream().filter(c -> c.depth() == 2)).hasSize(6);
        assertThat(FleetTreemapLayout.layout(FLEET.hosts(), Fleet.Kind.PSS, bounds)).as("no PSS anywhere").isEmpty();
    }

    @Test
    void aThousandHostsOfAHundredFiftySubgroupsLayOut() {
        List<Fleet.Host> many = new ArrayList<>();
        for (int h = 0; h < 1000; h++) {
            long[] uss = new long[150];
            for (int s = 0; s < 150; s++) {
                uss[s] = 1_000_000L + (h * 7919L + s * 104729L) % 50_000_000L;
            }
            many.add(host("h" + h + ":9215", "herakles", Map.of(), uss));
        }
        List<FleetCell> cells = FleetTreemapLayout.layout(many, Fleet.Kind.USS, new Rect(0, 0, 1600, 1000));
        assertThat(cells.stream().filter(c -> c.depth() == 0)).hasSize(1000);
    }
}
