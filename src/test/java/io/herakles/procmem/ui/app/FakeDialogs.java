package io.herakles.procmem.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;

/** {@link Dialogs} answered by the test: scripted choices and confirmations, recorded messages. */
final class FakeDialogs implements Dialogs {

    volatile Path openChoice;
    volatile Path exportChoice;
    volatile boolean confirmAnswer = true;
    final List<String> confirmations = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseSnapshotToOpen(Window owner) {
        return Optional.ofNullable(openChoice);
    }

    @Override
    public Optional<Path> chooseExportTarget(Window owner, String suggestedName) {
        return Optional.ofNullable(exportChoice);
    }

    @Override
    public boolean confirm(Window owner, String title, String message) {
        confirmations.add(title + " | " + message);
        return confirmAnswer;
    }

    @Override
    public void error(Window owner, String title, String message) {
        errors.add(title + " | " + message);
    }

    @Override
    public void info(Window owner, String title, String message) {
        infos.add(title + " | " + message);
    }
}
