package io.herakles.procmem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package arrows of docs/ARCHITECTURE.md#packages, as a test. */
class ArchitectureTest {

    private static final String BASE = "io.herakles.procmem";
    private static final String[] JDK = {"java..", "javax..", "jdk..", "sun.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    private static String[] ours(String... packages) {
        String[] out = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            out[i] = BASE + "." + packages[i] + "..";
        }
        return out;
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    private static void onlyDependsOn(String pkg, String[] allowed) {
        ArchRule rule = classes().that().resideInAPackage(BASE + "." + pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void modelImportsNothingOfOursNorAnyLibrary() {
        onlyDependsOn("model", concat(JDK, ours("model")));
    }

    @Test
    void configImportsOnlyJackson() {
        onlyDependsOn("config", concat(JDK, ours("config"), new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void healthImportsNothingOfOurs() {
        onlyDependsOn("health", concat(JDK, ours("health"), new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void collectImportsOnlyModelAndConfig() {
        onlyDependsOn("collect", concat(JDK, ours("collect", "model", "config")));
    }

    @Test
    void classifyImportsOnlyModelAndConfig() {
        onlyDependsOn("classify", concat(JDK, ours("classify", "model", "config"),
                new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void engineImportsCollectClassifyModelConfig() {
        onlyDependsOn("engine", concat(JDK, ours("engine", "collect", "classify", "model", "config")));
    }

    @Test
    void prometheusExportImportsModelConfigHealth() {
        onlyDependsOn("export.prometheus", concat(JDK, ours("export.prometheus", "model", "config", "health"),
                new String[] {"io.prometheus..", "com.sun.net.httpserver..", "com.fasterxml.jackson..",
                    "org.bouncycastle.."}));
    }

    @Test
    void testdataExportImportsOnlyModel() {
        onlyDependsOn("export.snapshot", concat(JDK, ours("export.snapshot", "model"),
                new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void remoteImportsModelAndTheSnapshotFormat() {
        onlyDependsOn("remote", concat(JDK, ours("remote", "model", "export.snapshot"),
                new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void recordingExportImportsOnlyModelAndTheSnapshotFormat() {
        onlyDependsOn("export.recording", concat(JDK, ours("export.recording", "export.snapshot", "model"),
                new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void analysisImportsOnlyModel() {
        onlyDependsOn("analysis", concat(JDK, ours("analysis", "model")));
    }

    @Test
    void fleetImportsOnlyRemoteSettings() {
        onlyDependsOn("fleet", concat(JDK, ours("fleet", "remote"), new String[] {"com.fasterxml.jackson.."}));
    }

    @Test
    void launchRunsBeforeEverythingAndImportsOnlyTheJdkAndJna() {
        onlyDependsOn("launch", concat(JDK, ours("launch"), new String[] {"com.sun.jna.."}));
        noClasses().that().resideOutsideOfPackage(BASE + ".launch..")
                .and().doNotHaveFullyQualifiedName(BASE + ".Main")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".launch..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void uiFeaturesSeeOnlyModelConfigAndUi() {
        ArchRule rule = noClasses().that().resideInAPackage(BASE + ".ui..")
                .and().resideOutsideOfPackage(BASE + ".ui.app..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("collect", "classify", "engine", "export", "cli", "health", "runtime", "remote"))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    /** The Fleet tab shows the fleet's records; reading them from Prometheus is ui.app's job. */
    @Test
    void uiFeaturesSeeOnlyTheFleetRecordsNotItsIo() {
        noClasses().that().resideInAPackage(BASE + ".ui..").and().resideOutsideOfPackage(BASE + ".ui.app..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "fleet classes other than the Fleet records",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals(BASE + ".fleet")
                                && !c.getName().equals(BASE + ".fleet.Fleet")
                                && !c.getName().startsWith(BASE + ".fleet.Fleet$")))
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The desktop's composition gets rules, engine and exporter from runtime, never on its own. */
    @Test
    void uiAppReachesTheEngineOnlyThroughRuntime() {
        ArchRule rule = noClasses().that().resideInAPackage(BASE + ".ui.app..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ours("collect", "classify", "engine", "export.prometheus", "cli", "health"))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void runtimeImportsNeitherCliNorUi() {
        onlyDependsOn("runtime", concat(JDK, ours("runtime", "model", "config", "health", "collect", "classify",
                "engine", "export", "remote")));
    }

    @Test
    void onlyCliAndUiAppUseRuntime() {
        noClasses().that().resideOutsideOfPackages(ours("runtime", "cli", "ui.app"))
                .should().dependOnClassesThat().resideInAPackage(BASE + ".runtime..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingButUiAppAndMainSeesUi() {
        noClasses().that().resideOutsideOfPackage(BASE + ".ui..")
                .and().doNotHaveFullyQualifiedName(BASE + ".DesktopLauncher")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void javafxOnlyInUi() {
        noClasses().that().resideOutsideOfPackage(BASE + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "eu.hansolo..", "atlantafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void prometheusLibraryOnlyInExporter() {
        noClasses().that().resideOutsideOfPackage(BASE + ".export.prometheus..")
                .should().dependOnClassesThat().resideInAPackage("io.prometheus..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void picocliOnlyInCli() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void systemOutOnlyInCli() {
        noClasses().that().resideOutsideOfPackage(BASE + ".cli..")
                .should().accessField(System.class, "out")
                .allowEmptyShould(true)
                .check(classes);
    }
}
