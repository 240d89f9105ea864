/**
 * Reading another machine: an exporter's {@code /snapshot} polled over HTTP(S) as a
 * {@code SnapshotSource} ({@link io.herakles.procmem.remote.RemoteSnapshotSource}), with the
 * connection settings it shares with the fleet view: the target URL, basic-auth credentials (never
 * logged, never in snapshot files) and TLS trust (a CA file or a pinned certificate fingerprint).
 * May import {@code model} and the snapshot file format ({@code export.snapshot}), plus Jackson and
 * the JDK; never the engine, the exporter server, the CLI or the UI.
 */
package io.herakles.procmem.remote;
