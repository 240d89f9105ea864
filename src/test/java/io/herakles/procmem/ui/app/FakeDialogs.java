package io.herakles.procmem.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.stage.Window;

/** {@link Dialogs} answered by the test: scripted choices and confirmations, recorded messages. */
final class FakeDialogs implements Dialogs {

    volatile Path openChoice;
    volatile Path exportChoice;
    /** What File → Connect to exporter… answers; null = cancelled. */
    volatile ConnectRequest connectAnswer;
    /** What File → Open fleet… answers; null = cancelled. */
    volatile ConnectRequest fleetAnswer;
    /** The recent URLs the last Connect or Open fleet dialog offered. */
    volatile List<String> offeredRecent = List.of();
    volatile boolean confirmAnswer = true;
    final List<String> confirmations = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> infos = new CopyOnWriteArrayList<>();
    /** Every signal question asked, in order (also recorded as text in {@link #confirmations}). */
    final List<SignalConfirmation> signalQuestions = new CopyOnWriteArrayList<>();
    /** Runs while a signal question is "open", before it is answered (the user reading it). */
    volatile Consumer<SignalConfirmation> whileSignalQuestionOpen = q -> { };

    @Override
    public Optional<Path> chooseSnapshotToOpen(Window owner) {
        return Optional.ofNullable(openChoice);
    }

    @Override
    public Optional<ConnectRequest> askConnection(Window owner, List<String> recent) {
        offeredRecent = List.copyOf(recent);
        return Optional.ofNullable(connectAnswer);
    }

    @Override
    public Optional<ConnectRequest> askFleet(Window owner, List<String> recent) {
        offeredRecent = List.copyOf(recent);
        return Optional.ofNullable(fleetAnswer);
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
    public boolean confirmSignal(Window owner, SignalConfirmation question) {
        signalQuestions.add(question);
        confirmations.add(question.title() + " | " + question.message());
        whileSignalQuestionOpen.accept(question);
        // as the real dialog: a disabled action cannot be chosen
        return confirmAnswer && !question.isActionDisabled();
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
