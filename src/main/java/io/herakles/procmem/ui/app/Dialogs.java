package io.herakles.procmem.ui.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The modal questions the window asks: file choosers, confirmations, error messages. An interface
 * so headless tests answer them without native dialogs. FX thread only.
 */
public interface Dialogs {

    /** Asks for a snapshot JSON file to open; empty when cancelled. */
    Optional<Path> chooseSnapshotToOpen(Window owner);

    /** Asks where to export a snapshot, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> chooseExportTarget(Window owner, String suggestedName);

    /** Asks where to write a new recording; empty when cancelled. */
    default Optional<Path> chooseRecordingTarget(Window owner, String suggestedName) {
        return chooseExportTarget(owner, suggestedName);
    }

    /** The folder the file choosers start in; empty when none was used yet. */
    default Optional<Path> lastFolder() {
        return Optional.empty();
    }

    /** Where the file choosers start from now on (remembered preferences). */
    default void setLastFolder(Path folder) {
    }

    /** An OK/Cancel question; true for OK. */
    boolean confirm(Window owner, String title, String message);

    /**
     * Asks whether to send a signal, with the buttons {@link SignalConfirmation#actionText()} and
     * Cancel (Cancel the default when {@link SignalConfirmation#cancelIsDefault()}). While open, the
     * dialog calls {@link SignalConfirmation#recheck()} now and then, shows its current
     * {@link SignalConfirmation#textBinding() text} and disables the action once
     * {@link SignalConfirmation#actionDisabledBinding()} says so. True only when the action was chosen
     * while it was enabled.
     */
    boolean confirmSignal(Window owner, SignalConfirmation question);

    /** Shows a problem to the user. */
    void error(Window owner, String title, String message);

    /** Shows an outcome to the user. */
    void info(Window owner, String title, String message);

    /**
     * File → Connect to exporter…: URL, optional user and password, optional CA file or "trust this
     * certificate" after showing its SHA-256 fingerprint, "remember". Empty when cancelled.
     */
    default Optional<ConnectRequest> askConnection(Window owner, List<String> recent) {
        return Optional.empty();
    }

    /** File → Open fleet…: the Prometheus URL with the same auth and trust choices as a connection. Empty when cancelled. */
    default Optional<ConnectRequest> askFleet(Window owner, List<String> recent) {
        return Optional.empty();
    }
}
