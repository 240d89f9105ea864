package io.herakles.procmem.ui.treemap;

import static io.herakles.procmem.ui.treemap.TestSnapshots.process;
import static io.herakles.procmem.ui.treemap.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.herakles.procmem.model.MemoryMetric;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TreemapModelTest {

    private static final long MIB = 1 << 20;

    private TreemapModel model;

    @BeforeEach
    void setUp() {
        model = new TreemapModel();
        model.setSnapshot(snapshot(List.of(
                process(1, "db", "postgres", 300 * MIB, 200 * MIB, 100 * MIB),
                process(2, "db", "postgres", 100 * MIB, 80 * MIB, 60 * MIB),
                process(3, "db", "redis", 50 * MIB, 40 * MIB, 30 * MIB),
                process(4, "web", "nginx", 40 * MIB, null, null),
                process(5, "web", "nginx", 20 * MIB, 10 * MIB, 10 * MIB),
                process(6, "other", "other", 10 * MIB, null, null))));
    }

    @Test
    void keepingSomeProcessesBuildsTheHierarchyOfThoseAloneUntilAllAreKeptAgain() {
        model.setMetric(MemoryMetric.RSS);

        model.setKeep(p -> p.group().group().equals("web"));

        assertThat(model.root().children()).extracting(TreemapNode::label).containsExactly("web");
        assertThat(model.root().bytes()).isEqualTo(60 * MIB);
        assertThat(model.layout(200, 100)).extracting(c -> c.node().pid()).contains(4, 5).doesNotContain(1, 2, 3, 6);

        model.setKeep(null);

        assertThat(model.root().bytes()).isEqualTo(520 * MIB);
    }

    @Test
    void aFramePreparedForEveryProcessIsNotShownWhileSomeAreLeftOut() {
        TreemapFrame.Params params = new TreemapFrame.Params(MemoryMetric.RSS, ZoomPath.ROOT, 200, 100);
        TreemapFrame all = TreemapFrame.compute(snapshot(List.of(process(9, "db", "pg", 5 * MIB, null, null))), params);
        model.setKeep(p -> p.pid() == 4);

        assertThat(model.show(all, 200, 100)).isFalse();
        assertThat(model.root().processes()).isEqualTo(1);
    }

    @Test
    void buildsGroupSubgroupProcessHierarchyLargestFirst() {
        model.setMetric(MemoryMetric.RSS);

        TreemapNode root = model.root();

        assertThat(root.children()).extracting(TreemapNode::label).containsExactly("db", "web", "other");
        TreemapNode db = root.children().get(0);
        assertThat(db.bytes()).isEqualTo(450 * MIB);
        assertThat(db.children()).extracting(TreemapNode::label).containsExactly("postgres", "redis");
        assertThat(db.children().get(0).children()).extracting(TreemapNode::pid).containsExactly(1, 2);
        assertThat(root.processes()).isEqualTo(6);
        assertThat(root.excluded()).isZero();
    }

    @Test
    void processesWithoutTheMetricAreLeftOutAndCounted() {
        model.setMetric(MemoryMetric.USS);

        TreemapNode root = model.root();

        assertThat(root.bytes()).isEqualTo(200 * MIB);
        assertThat(root.processes()).isEqualTo(4);
        assertThat(root.excluded()).isEqualTo(2);
        TreemapNode web = root.children().stream().filter(n -> n.label().equals("web")).findFirst().orElseThrow();
        assertThat(web.excluded()).isEqualTo(1);
        assertThat(web.children().get(0).children()).extracting(TreemapNode::pid).containsExactly(5);
        assertThat(TreemapText.status(root, MemoryMetric.USS)).contains("2 hidden (USS unreadable)");
        assertThat(TreemapText.statusTooltip(root, MemoryMetric.USS)).contains("2 processes without USS left out");
    }

    @Test
    void topLevelAreasAreProportionalToGroupSums() {
        model.setMetric(MemoryMetric.RSS);

        List<TreemapCell> cells = model.layout(520, 300);

        double total = 520 * 300;
        for (TreemapCell c : cells) {
            if (c.depth() == 0) {
                double expected = total * c.node().bytes() / (520.0 * MIB);
                assertThat(c.rect().area()).isCloseTo(expected, within(1e-6 * total));
            }
        }
        assertThat(cells).filteredOn(c -> c.depth() == 0).hasSize(3);
    }

    @Test
    void everyCellLiesInsideItsParentAndSiblingsDoNotOverlap() {
        model.setSnapshot(TestSnapshots.random(800, 7));
        model.setMetric(MemoryMetric.PSS);

        List<TreemapCell> cells = model.layout(900, 600);

        assertThat(cells).isNotEmpty();
        // draw order: parent first; find each cell's parent as the last earlier cell one level up
        for (int i = 0; i < cells.size(); i++) {
            TreemapCell c = cells.get(i);
            Rect r = c.rect();
            assertThat(r.x()).isGreaterThanOrEqualTo(-1e-6);
            assertThat(r.maxX()).isLessThanOrEqualTo(900 + 1e-6);
            assertThat(r.maxY()).isLessThanOrEqualTo(600 + 1e-6);
            if (c.depth() > 0) {
                Rect parent = parentOf(cells, i).rect();
                assertThat(r.x()).isGreaterThanOrEqualTo(parent.x() - 1e-6);
                assertThat(r.y()).isGreaterThanOrEqualTo(parent.y() - 1e-6);
                assertThat(r.maxX()).isLessThanOrEqualTo(parent.maxX() + 1e-6);
                assertThat(r.maxY()).isLessThanOrEqualTo(parent.maxY() + 1e-6);
            }
        }
        List<TreemapCell> processes = cells.stream()
                .filter(c -> c.node().kind() == TreemapNode.Kind.PROCESS).toList();
        for (int i = 0; i < processes.size(); i++) {
            for (int j = i + 1; j < processes.size(); j++) {
                assertThat(overlaps(processes.get(i).rect(), processes.get(j).rect())).isFalse();
            }
        }
    }

    @Test
    void hitTestFindsTheInnermostCell() {
        List<TreemapCell> cells = model.layout(400, 400);
        TreemapCell process = cells.stream().filter(c -> c.node().pid() == 1).findFirst().orElseThrow();
        Rect r = process.rect();

        assertThat(model.cellAt(r.x() + r.width() / 2, r.y() + r.height() / 2))
                .hasValueSatisfying(c -> assertThat(c.node().pid()).isEqualTo(1));
        assertThat(model.cellOf(1)).contains(process);
        assertThat(model.cellAt(-5, -5)).isEmpty();
    }

    @Test
    void zoomsIntoGroupThenSubgroupAndBackOut() {
        model.layout(400, 400);
        TreemapNode postgresProcess = model.root().children().get(0).children().get(0).children().get(0);

        assertThat(model.zoomInto(postgresProcess)).isTrue();
        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.group("db"));
        assertThat(model.zoomNode().label()).isEqualTo("db");

        assertThat(model.zoomInto(postgresProcess)).isTrue();
        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.subgroup("db", "postgres"));
        assertThat(model.layout(400, 400)).extracting(c -> c.node().pid()).containsExactly(1, 2);

        assertThat(model.zoomInto(postgresProcess)).as("nothing below a subgroup").isFalse();

        model.zoomOut();
        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.group("db"));
        model.zoomOut();
        model.zoomOut();
        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.ROOT);
    }

    @Test
    void zoomPathThatVanishesFallsBackToItsNearestAncestorAndReturnsWhenItComesBack() {
        model.zoomTo(ZoomPath.subgroup("db", "redis"));
        model.setSnapshot(snapshot(List.of(process(1, "db", "postgres", 10 * MIB, null, null))));

        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.group("db"));
        assertThat(model.zoom()).isEqualTo(ZoomPath.subgroup("db", "redis"));

        model.setSnapshot(snapshot(List.of(process(3, "db", "redis", 10 * MIB, null, null))));
        assertThat(model.effectiveZoom()).isEqualTo(ZoomPath.subgroup("db", "redis"));
    }

    @Test
    void zoomPathPrefixesAndParents() {
        ZoomPath p = ZoomPath.subgroup("db", "postgres");

        assertThat(p.parent()).isEqualTo(ZoomPath.group("db"));
        assertThat(p.prefix(0)).isEqualTo(ZoomPath.ROOT);
        assertThat(ZoomPath.ROOT.parent()).isEqualTo(ZoomPath.ROOT);
        assertThat(ZoomPath.ROOT.child("db").child("postgres")).isEqualTo(p);
        assertThat(p).hasToString("All / db / postgres");
    }

    @Test
    void noSnapshotLaysOutNothing() {
        TreemapModel empty = new TreemapModel();

        assertThat(empty.layout(300, 200)).isEmpty();
        assertThat(empty.cellAt(10, 10)).isEmpty();
    }

    private static TreemapCell parentOf(List<TreemapCell> cells, int index) {
        int depth = cells.get(index).depth();
        for (int i = index - 1; i >= 0; i--) {
            if (cells.get(i).depth() == depth - 1) {
                return cells.get(i);
            }
        }
        throw new AssertionError("no parent for cell " + index);
    }

    private static boolean overlaps(Rect a, Rect b) {
        double w = Math.min(a.maxX(), b.maxX()) - Math.max(a.x(), b.x());
        double h = Math.min(a.maxY(), b.maxY()) - Math.max(a.y(), b.y());
        return w > 1e-6 && h > 1e-6;
    }
}
