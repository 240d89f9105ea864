package io.herakles.procmem.model;

/** Receives every published snapshot, on the publisher's thread; must return quickly and never block. */
@FunctionalInterface
public interface SnapshotListener {
    void onSnapshot(Snapshot snapshot);
}
