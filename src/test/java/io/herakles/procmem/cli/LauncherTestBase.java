package io.herakles.procmem.cli;

import io.herakles.procmem.testsupport.HeraklesLauncher;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh working directory and launcher of the packaged jar for every test. */
abstract class LauncherTestBase {

    @TempDir
    Path dir;

    HeraklesLauncher herakles;

    @BeforeEach
    void launcher() {
        herakles = new HeraklesLauncher(dir);
    }
}
