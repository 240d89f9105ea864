package io.herakles.procmem.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.herakles.procmem.classify.RuleLoader;
import io.herakles.procmem.classify.RuleSet;
import io.herakles.procmem.runtime.Rules;
import io.herakles.procmem.ui.common.FxExecutor;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A broken custom rules file is shown to the user when the window opens (not only logged), and the
 * app then runs on the built-in rules rather than on half of the user's.
 */
@ExtendWith(ApplicationExtension.class)
class RulesProblemDialogTest {

    private static final String PROBLEM = "/etc/herakles/subgroups.toml:3: cannot parse subgroups file: bad";

    private final FakeDesktopServices services = new FakeDesktopServices();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        services.rulesProblem = PROBLEM;
        window = new MainWindow(services, dialogs, FxExecutor.fx());
        window.show(stage);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(window::close);
    }

    @Test
    void theProblemIsShownOnceWhenTheWindowOpens() {
        assertThat(dialogs.errors).singleElement().asString()
                .startsWith(MainWindow.RULES_PROBLEM_TITLE + " | " + PROBLEM)
                .contains("built-in rules only");
    }

    @Test
    void brokenRulesFallBackToTheBuiltInOnes() {
        RuleSet broken = RuleSet.of(List.of(), List.of(PROBLEM));
        assertThat(Rules.usable(broken).sourceNames())
                .isEqualTo(RuleLoader.builtInOnly().load().sourceNames());
        RuleSet fine = RuleLoader.builtInOnly().load();
        assertThat(Rules.usable(fine)).isSameAs(fine);
    }
}
